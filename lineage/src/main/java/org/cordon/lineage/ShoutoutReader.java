package org.cordon.lineage;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;

/**
 * Finds shoutouts in posts: a post that points at an account (a mention, or a link to a profile)
 * and also names a suspended account's handle, as supporters announce a comrade's new account
 * ("back again: @new (was @old)"). It reports the announced handle with the shoutout; the account
 * behind it is resolved by the caller, which may not have seen it yet.
 */
public final class ShoutoutReader {
  private static final Pattern HANDLE_TOKEN = Pattern.compile("@?([\\p{L}\\p{N}_.]{3,40})");
  /** A post naming more handles than this is a list, not an announcement; read only its first ones. */
  private static final int MAX_TOKENS = 64;
  private static final Pattern RETWEET_PREFIX = Pattern.compile("\\s*RT\\s+@", Pattern.CASE_INSENSITIVE);

  private final SuspendedAccounts suspended;

  public ShoutoutReader(SuspendedAccounts suspended) {
    this.suspended = Objects.requireNonNull(suspended, "suspended");
  }

  /** One announced handle and the shoutout that announced it. */
  public record Announcement(String announcedHandle, Shoutout shoutout) {
    public Announcement {
      Objects.requireNonNull(announcedHandle, "announcedHandle");
      Objects.requireNonNull(shoutout, "shoutout");
    }
  }

  public List<Announcement> read(Post post) {
    if (post.reference(org.cordon.core.model.PostReference.Kind.REPOST_OF).isPresent()) {
      // A repost repeats a shoutout already read, and its "RT @author" is no announcement.
      return List.of();
    }
    if (RETWEET_PREFIX.matcher(post.text()).lookingAt()) {
      // A retweet written the old way ("RT @a: RT @b: ...") names its chain of authors, not a return.
      return List.of();
    }
    Platform platform = post.platform();
    Set<String> pointed = new LinkedHashSet<>();
    for (String mention : post.mentions()) {
      pointed.add(Platform.bareHandle(mention));
    }
    for (String link : post.links()) {
      profileHandle(link).ifPresent(pointed::add);
    }
    if (pointed.isEmpty()) {
      return List.of();
    }
    Set<String> tokens = new LinkedHashSet<>(pointed);
    String text = post.text().length() > 4_000 ? post.text().substring(0, 4_000) : post.text();
    Matcher matcher = HANDLE_TOKEN.matcher(text);
    while (matcher.find() && tokens.size() < MAX_TOKENS) {
      String token = matcher.group(1);
      while (token.endsWith(".")) {
        token = token.substring(0, token.length() - 1);
      }
      if (token.length() >= 3) {
        tokens.add(token);
      }
    }
    Set<String> named = new LinkedHashSet<>();
    for (String token : tokens) {
      if (suspended.byHandle(platform, token).isPresent()) {
        named.add(token);
      }
    }
    if (named.isEmpty()) {
      return List.of();
    }
    List<Announcement> out = new ArrayList<>();
    for (String target : pointed) {
      if (!named.contains(target)) {
        out.add(new Announcement(target, new Shoutout(post.key(), post.author(), named, post.postedAt())));
      }
    }
    return out;
  }


  /** The handle a profile link names: its last path segment ("/name", "/@name", "/accounts/name"). */
  static java.util.Optional<String> profileHandle(String link) {
    try {
      URI uri = new URI(link.strip());
      String path = uri.getPath();
      if (path == null || path.isEmpty() || path.equals("/")) {
        return java.util.Optional.empty();
      }
      String[] segments = path.replaceAll("^/+|/+$", "").split("/");
      if (segments.length > 2) {
        return java.util.Optional.empty();
      }
      String last = Platform.bareHandle(segments[segments.length - 1]);
      return HANDLE_TOKEN.matcher(last).matches() && !last.startsWith("+")
          ? java.util.Optional.of(last) : java.util.Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return java.util.Optional.empty();
    }
  }
}
