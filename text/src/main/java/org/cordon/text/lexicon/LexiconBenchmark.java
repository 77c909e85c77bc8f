package org.cordon.text.lexicon;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cordon.text.Normaliser;

/**
 * How many posts per second the lexicon path (normalise, then match) handles on one thread, with a
 * lexicon of synthetic terms over synthetic posts. The words are made of random syllables, so no
 * real vocabulary is involved; one post in ten carries a term, some of them disguised (capitals,
 * leetspeak, a hashtag, a zero-width space); one post in five is filled with Arabic-script words.
 *
 * <p>Run: {@code java -cp <text classes + dependencies> org.cordon.text.lexicon.LexiconBenchmark [terms] [posts] [seed]}.
 */
public final class LexiconBenchmark {
  private static final String[] SYLLABLES = {"pa", "le", "lan", "tern", "or", "der", "ka", "mi", "ro", "su", "ven",
      "tal", "dor", "qui", "bex", "no", "ra", "sel", "fu", "gan", "hu", "zi", "wo", "el", "mar", "tis"};
  /** Arabic-script filler, with a vowel mark here and there, for one post in five. */
  private static final String[] ARABIC_SYLLABLES = {"ال", "فا", "نو", "س", "شا", "حِب", "مَ", "ن", "و", "ي", "كا", "تب", "ر"};

  private LexiconBenchmark() {}

  /**
   * @param postsPerSecond normalising and matching, one thread, per second of that thread's CPU time
   *     (the machine is shared, so wall-clock time would measure the neighbours)
   * @param normalisedPostsPerSecond normalising alone, likewise
   * @param wallClockPostsPerSecond normalising and matching, per second of elapsed time
   * @param matches matches found in all posts
   * @param buildMillis building the matcher (automaton, patterns, segmentation words), CPU time
   */
  public record Figures(int terms, int posts, long seed, double postsPerSecond, double normalisedPostsPerSecond,
      double wallClockPostsPerSecond, long matches, double buildMillis) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%,d terms, %,d posts, seed %d: %,.0f posts/s normalise+match (CPU time, one thread), %,.0f posts/s"
              + " normalise only, %,.0f posts/s wall clock; %,d matches; automaton built in %.0f ms CPU",
          terms, posts, seed, postsPerSecond, normalisedPostsPerSecond, wallClockPostsPerSecond, matches, buildMillis);
    }
  }

  public static Figures run(int terms, int posts, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LexiconEntry> entries = new ArrayList<>();
    List<String> termTexts = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (entries.size() < terms) {
      int words = 1 + random.nextInt(3);
      StringBuilder term = new StringBuilder();
      for (int w = 0; w < words; w++) {
        // four syllables: longer than any filler word, so only planted terms match
        term.append(w == 0 ? "" : " ").append(word(random, 4));
      }
      String text = term.toString();
      String language = switch (random.nextInt(4)) {
        case 0 -> "en";
        case 1 -> "fr";
        case 2 -> "de";
        default -> "*";
      };
      if (seen.add(Normaliser.standard().fold(text))) {
        entries.add(LexiconEntry.literal(text, language, 0.1 + random.nextDouble() * 0.9));
        termTexts.add(text);
      }
    }
    Lexicon lexicon = Lexicon.of("benchmark", 1, entries);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long buildStart = threads.getCurrentThreadCpuTime();
    LexiconMatcher matcher = lexicon.matcher();
    double buildMillis = (threads.getCurrentThreadCpuTime() - buildStart) / 1e6;

    List<String> texts = new ArrayList<>(posts);
    for (int p = 0; p < posts; p++) {
      texts.add(post(random, termTexts));
    }
    Normaliser normaliser = matcher.normaliser();
    // warm up the JIT on a slice, then measure the whole set
    int warmUp = Math.min(posts, 20_000);
    for (int p = 0; p < warmUp; p++) {
      matcher.match(texts.get(p), Optional.of("en"));
    }
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long matches = 0;
    for (String text : texts) {
      matches += matcher.match(text, Optional.of("en")).size();
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double seconds = (System.nanoTime() - start) / 1e9;
    long normaliseStart = threads.getCurrentThreadCpuTime();
    long characters = 0;
    for (String text : texts) {
      characters += normaliser.normalise(text).normalised().length();
    }
    double normaliseSeconds = (threads.getCurrentThreadCpuTime() - normaliseStart) / 1e9;
    if (characters < 0) {
      throw new IllegalStateException("unreachable; keeps the loop from being optimised away");
    }
    return new Figures(terms, posts, seed, posts / cpuSeconds, posts / normaliseSeconds, posts / seconds, matches,
        buildMillis);
  }

  private static String word(SplittableRandom random, int syllables) {
    StringBuilder word = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return word.toString();
  }

  /** 8 to 30 words, like a short social-media post (about 120 characters); one in ten carries a (sometimes disguised) term. */
  private static String post(SplittableRandom random, List<String> terms) {
    StringBuilder post = new StringBuilder();
    int words = 8 + random.nextInt(23);
    int termAt = random.nextInt(10) == 0 ? random.nextInt(words) : -1;
    boolean arabic = random.nextInt(5) == 0;
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        post.append(' ');
      }
      if (w == termAt) {
        post.append(disguise(random, terms.get(random.nextInt(terms.size()))));
      } else if (arabic) {
        StringBuilder word = new StringBuilder();
        for (int s = 1 + random.nextInt(3); s > 0; s--) {
          word.append(ARABIC_SYLLABLES[random.nextInt(ARABIC_SYLLABLES.length)]);
        }
        post.append(word);
      } else {
        String word = word(random, 1 + random.nextInt(3));
        post.append(random.nextInt(8) == 0 ? capitalised(word) : word);
      }
    }
    if (random.nextInt(3) == 0) {
      post.append(" #").append(capitalised(word(random, 2))).append(capitalised(word(random, 2)));
    }
    return post.toString();
  }

  private static String disguise(SplittableRandom random, String term) {
    return switch (random.nextInt(5)) {
      case 0 -> term;
      case 1 -> term.toUpperCase(Locale.ROOT);
      case 2 -> term.replace('a', '4').replace('e', '3');
      case 3 -> "#" + term.replace(" ", "");
      default -> term.length() > 2 ? term.substring(0, 2) + "\u200B" + term.substring(2) : term;
    };
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  public static void main(String[] args) {
    int terms = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int posts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261123L;
    System.out.println(run(terms, posts, seed));
  }
}
