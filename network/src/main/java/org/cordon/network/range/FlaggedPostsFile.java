package org.cordon.network.range;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The posts detection flagged, one JSON object a line:
 * {@code {"platform":"x","post_id":"…","account":"…","tier":"promotional"|null,"score":0.97}}.
 * {@code cordon eval detection --flagged-out FILE} writes it; {@code cordon eval network --flagged FILE}
 * seeds the key accounts from it. The file is an interface between two runs (or a unit's own
 * detector), so it is read as hostile input: a bad line is rejected with its reason and counted,
 * and the rest is read.
 */
public final class FlaggedPostsFile {
  /** Longer lines are rejected unread: a flag is a few ids and a number. */
  static final int MAX_LINE_BYTES = 16 * 1024;
  /** Rejections kept with their detail, for the report; the rest are only counted. */
  static final int REJECTIONS_KEPT = 20;

  private FlaggedPostsFile() {}

  /**
   * One post detection flagged.
   *
   * @param tier the most severe tier the detectors named, empty when none did
   * @param score the post's combined score, in [0, 1]
   */
  public record FlaggedPost(PostKey post, AccountKey account, Optional<Tier> tier, double score) {
    public FlaggedPost {
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(tier, "tier");
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("a flagged post's score is in [0, 1]: " + score);
      }
      if (!post.platform().equals(account.platform())) {
        throw new IllegalArgumentException("a post and its author are on one platform: " + post + " by " + account);
      }
    }
  }

  /** A line that could not be read: where, in which category, and why. */
  public record RejectedLine(long line, Rejection.Reason reason, String detail) {
    public RejectedLine {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return "line " + line + ": " + reason + ": " + detail;
    }
  }

  /**
   * What a file held.
   *
   * @param posts each flagged post once, in file order (a post listed again is read once)
   * @param lines non-blank lines read
   * @param rejected the first {@link #REJECTIONS_KEPT} rejected lines
   * @param rejectedByReason every rejected line, counted by reason
   */
  public record Reading(List<FlaggedPost> posts, long lines, List<RejectedLine> rejected, Map<Rejection.Reason, Integer> rejectedByReason) {
    public Reading {
      posts = List.copyOf(posts);
      rejected = List.copyOf(rejected);
      rejectedByReason = Map.copyOf(rejectedByReason);
    }

    public int rejectedLines() {
      return rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Accounts with at least {@code minimum} distinct flagged posts. */
    public Set<AccountKey> accountsWithAtLeast(int minimum) {
      return accountsWithAtLeast(minimum, post -> true);
    }

    /** Accounts with at least {@code minimum} distinct flagged posts that pass {@code counted}. */
    public Set<AccountKey> accountsWithAtLeast(int minimum, java.util.function.Predicate<FlaggedPost> counted) {
      Map<AccountKey, Integer> flaggedPosts = new HashMap<>();
      posts.stream().filter(counted).forEach(post -> flaggedPosts.merge(post.account(), 1, Integer::sum));
      Set<AccountKey> accounts = new HashSet<>();
      flaggedPosts.forEach((account, count) -> {
        if (count >= minimum) {
          accounts.add(account);
        }
      });
      return accounts;
    }
  }

  /** Writes one line per post, in the order given. */
  public static void write(Iterable<FlaggedPost> posts, Writer out) throws IOException {
    for (FlaggedPost post : posts) {
      ObjectNode line = World.JSON.createObjectNode();
      line.put("platform", post.post().platform().name());
      line.put("post_id", post.post().id());
      line.put("account", post.account().id());
      if (post.tier().isPresent()) {
        line.put("tier", post.tier().get().key());
      } else {
        line.putNull("tier");
      }
      line.put("score", post.score());
      out.write(World.JSON.writeValueAsString(line));
      out.write('\n');
    }
  }

  public static void write(Iterable<FlaggedPost> posts, Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(posts, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the flagged posts to " + file, e);
    }
  }

  public static Reading read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the flagged posts file " + file + " (write one with 'cordon eval detection --flagged-out FILE')", e);
    }
  }

  static Reading read(InputStream raw) throws IOException {
    Map<PostKey, FlaggedPost> posts = new LinkedHashMap<>();
    List<RejectedLine> rejected = new ArrayList<>();
    Map<Rejection.Reason, Integer> byReason = new EnumMap<>(Rejection.Reason.class);
    long lines = 0;
    long number = 0;
    InputStream in = new BufferedInputStream(raw);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    boolean more = true;
    while (more) {
      int b = in.read();
      more = b >= 0;
      if (more && b != '\n') {
        if (line.size() < MAX_LINE_BYTES) {
          line.write(b);
        } else {
          tooLong = true;
        }
        continue;
      }
      if (!more && line.size() == 0 && !tooLong) {
        break;
      }
      number++;
      Optional<RejectedLine> rejection;
      if (tooLong) {
        rejection = Optional.of(new RejectedLine(number, Rejection.Reason.TOO_LARGE, "longer than " + MAX_LINE_BYTES + " bytes"));
      } else {
        Optional<String> text = decode(line.toByteArray());
        if (text.isEmpty()) {
          rejection = Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_ENCODING, "not valid UTF-8"));
        } else if (text.get().isBlank()) {
          rejection = Optional.empty();
          lines--;  // blank lines are not lines of the file's content
        } else {
          rejection = parse(number, text.get(), posts);
        }
      }
      lines++;
      rejection.ifPresent(r -> {
        byReason.merge(r.reason(), 1, Integer::sum);
        if (rejected.size() < REJECTIONS_KEPT) {
          rejected.add(r);
        }
      });
      line.reset();
      tooLong = false;
    }
    return new Reading(new ArrayList<>(posts.values()), lines, rejected, byReason);
  }

  private static Optional<String> decode(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Reads one line into {@code posts}; empty when it was read, else why not. */
  private static Optional<RejectedLine> parse(long number, String text, Map<PostKey, FlaggedPost> posts) {
    JsonNode node;
    try {
      node = World.JSON.readTree(text);
    } catch (JacksonException e) {
      return Optional.of(new RejectedLine(number, Rejection.Reason.MALFORMED_JSON, "not a JSON object: " + e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      return Optional.of(new RejectedLine(number, Rejection.Reason.MALFORMED_JSON, "not a JSON object"));
    }
    for (String field : List.of("platform", "post_id", "account")) {
      JsonNode value = node.path(field);
      if (value.isMissingNode() || value.isNull()) {
        return Optional.of(new RejectedLine(number, Rejection.Reason.MISSING_FIELD, "no \"" + field + "\""));
      }
      if (!value.isString() || value.stringValue().isBlank()) {
        return Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_FIELD, "\"" + field + "\" is not a non-empty string"));
      }
    }
    JsonNode score = node.path("score");
    if (score.isMissingNode() || score.isNull()) {
      return Optional.of(new RejectedLine(number, Rejection.Reason.MISSING_FIELD, "no \"score\""));
    }
    if (!score.isNumber() || !(score.doubleValue() >= 0 && score.doubleValue() <= 1)) {
      return Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_FIELD, "\"score\" is not a number in [0, 1]: " + score));
    }
    JsonNode tierNode = node.path("tier");
    Optional<Tier> tier = Optional.empty();
    if (!tierNode.isMissingNode() && !tierNode.isNull()) {
      if (!tierNode.isString()) {
        return Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_FIELD, "\"tier\" is neither a string nor null"));
      }
      try {
        tier = Optional.of(Tier.parse(tierNode.stringValue()));
      } catch (IllegalArgumentException e) {
        return Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_FIELD, e.getMessage()));
      }
    }
    PostKey post;
    AccountKey account;
    try {
      Platform platform = new Platform(node.get("platform").stringValue());
      post = PostKey.of(platform, node.get("post_id").stringValue());
      account = AccountKey.of(platform, node.get("account").stringValue());
    } catch (IllegalArgumentException e) {
      // A platform name or an id the core types refuse (control characters, too long, …).
      return Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_FIELD, e.getMessage()));
    }
    FlaggedPost earlier = posts.get(post);
    if (earlier != null && !earlier.account().equals(account)) {
      return Optional.of(new RejectedLine(number, Rejection.Reason.INVALID_FIELD,
          "post " + post + " was listed before with author " + earlier.account() + ", now " + account));
    }
    posts.putIfAbsent(post, new FlaggedPost(post, account, tier, score.doubleValue()));
    return Optional.empty();
  }
}
