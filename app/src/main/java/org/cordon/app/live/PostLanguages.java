package org.cordon.app.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;
import org.cordon.language.LanguageIdentifier;

/**
 * Gives a language to posts whose platform names none, before they are stored, so the language is
 * recorded with the post. Identification costs 50–100 µs of CPU, so an account is identified at
 * most {@value #SAMPLES} times: after that its posts take the language most seen. The per-account
 * memory is bounded ({@value #MAX_ACCOUNTS} accounts, least recently used dropped first).
 */
public final class PostLanguages {
  static final int SAMPLES = 3;
  static final int MAX_ACCOUNTS = 200_000;

  private final java.util.function.Supplier<? extends LanguageIdentifier> loader;
  private volatile LanguageIdentifier identifier;
  private final Map<AccountKey, String[]> seen = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<AccountKey, String[]> eldest) {
      return size() > MAX_ACCOUNTS;
    }
  };
  private long identifications;

  /**
   * @param loader makes the identifier on first need (its models take seconds and tens of megabytes,
   *     which a feed whose platforms name every post's language never needs)
   */
  public PostLanguages(java.util.function.Supplier<? extends LanguageIdentifier> loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  private LanguageIdentifier identifier() {
    LanguageIdentifier current = identifier;
    if (current == null) {
      synchronized (loader) {
        current = identifier;
        if (current == null) {
          current = Objects.requireNonNull(loader.get(), "the language identifier");
          identifier = current;
        }
      }
    }
    return current;
  }


  /** The record with each of its language-less posts given the language found, if any. */
  public ParsedRecord fill(ParsedRecord record) {
    boolean changed = false;
    List<Observed> items = new ArrayList<>(record.items().size());
    for (Observed item : record.items()) {
      if (item instanceof Post post && post.language().isEmpty()) {
        Post filled = fill(post);
        changed |= filled != post;
        items.add(filled);
      } else {
        items.add(item);
      }
    }
    return changed ? new ParsedRecord(record.position(), record.payload(), items) : record;
  }

  /** The post with a language, or the post itself when it had one or none could be found. */
  public Post fill(Post post) {
    if (post.language().isPresent()) {
      return post;
    }
    Optional<String> language = languageOf(post);
    return language.isEmpty() ? post : new Post(post.key(), post.author(), post.postedAt(), post.text(), language, post.url(),
        post.media(), post.hashtags(), post.mentions(), post.links(), post.references());
  }

  /** How many times the identifier ran (the rest came from the per-account memory). */
  public synchronized long identifications() {
    return identifications;
  }

  private Optional<String> languageOf(Post post) {
    String[] samples;
    synchronized (this) {
      samples = seen.computeIfAbsent(post.author(), k -> new String[SAMPLES]);
      Optional<String> known = mostSeen(samples);
      if (known.isPresent()) {
        return known;
      }
      identifications++;
    }
    Optional<String> found = identifier().identify(post.text()).language();
    found.ifPresent(language -> {
      synchronized (this) {
        for (int i = 0; i < samples.length; i++) {
          if (samples[i] == null) {
            samples[i] = language;
            break;
          }
        }
      }
    });
    return found;
  }

  /** Once every sample is in, the most frequent; ties go to the earliest. */
  private static Optional<String> mostSeen(String[] samples) {
    if (samples[samples.length - 1] == null) {
      return Optional.empty();
    }
    String best = samples[0];
    int bestCount = 0;
    for (String candidate : samples) {
      int count = 0;
      for (String s : samples) {
        count += candidate.equals(s) ? 1 : 0;
      }
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return Optional.of(best);
  }
}
