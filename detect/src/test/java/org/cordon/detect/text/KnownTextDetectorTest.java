package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known statements (invented placeholder text) found again when re-posted with edits or in pieces. */
class KnownTextDetectorTest {
  static final String STATEMENT =
      "The lantern stays lit through the long night watch; carry the light forward to every city and never let it fade.";
  static final String STATEMENT_AR = "الفانوس لا ينطفئ أبدا، احملوا النور إلى الأمام في كل مدينة ولا تدعوه يخبو";

  final KnownTextDetector detector = new KnownTextDetector(List.of(
      new KnownTextDetector.Statement("statements", STATEMENT, "statement 1", Tier.OFFICIAL_PROPAGANDA, 2),
      new KnownTextDetector.Statement("statements", STATEMENT_AR, "statement 1 (ar)", Tier.OFFICIAL_PROPAGANDA, 3)),
      KnownTextDetector.DEFAULT_THRESHOLD);

  static PostContext post(String text) {
    return new PostContext(new Post(PostKey.of(Platform.X, "1"), AccountKey.of(Platform.X, "2"), Instant.EPOCH, text, Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of()), Optional.empty(), List.of());
  }

  List<Signal> signals(String text) {
    return detector.detect(post(text));
  }

  @Test
  void findsAStatementRepostedWithSmallEditsAndDisguises() {
    assertThat(signals(STATEMENT)).singleElement().satisfies(s -> assertThat(s.strength()).isEqualTo(1.0));
    assertThat(signals("the lantern stays lit thru the long night watch... carry the light forward to every city & never let it fade!!"))
        .singleElement().satisfies(s -> assertThat(s.evidence()).containsEntry("entry", "statement 1"));
    assertThat(signals("THE LANTERN\u200B STAYS LIT through the long night-watch; carry the light\u202E forward to every city and never let it fade"))
        .isNotEmpty();
  }

  @Test
  void findsArabicWrittenWithDiacriticsTatweelAndOtherAlefForms() {
    String variant = "الفانـــوس لا يَنطفئ أبداً، إحملوا النور الى الأمام في كل مدينة ولا تدعوه يخبو";
    assertThat(signals(variant)).singleElement().satisfies(s -> assertThat(s.evidence()).containsEntry("entry", "statement 1 (ar)"));
  }

  @Test
  void findsAStatementSplitAcrossPosts() {
    String firstHalf = "The lantern stays lit through the long night watch; carry the light forward";
    assertThat(signals(firstHalf)).singleElement().satisfies(s -> assertThat(s.reason()).contains("is a fragment of"));
  }

  @Test
  void leavesUnrelatedAndShortCommonTextAlone() {
    assertThat(signals("Rain again today, staying in with a book and a long night of sleep.")).isEmpty();
    assertThat(signals("the light")).isEmpty();
    assertThat(signals("")).isEmpty();
  }

  @Test
  void candidatesReachEveryTextOfHighSimilarity() {
    long seed = 20261123L;
    SplittableRandom random = new SplittableRandom(seed);
    NearDuplicateIndex<Integer> index = new NearDuplicateIndex<>();
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 25; w++) {
        b.append(Long.toString(random.nextLong(1L << 40), 36)).append(' ');
      }
      texts.add(b.toString());
      index.add(b.toString(), i);
    }
    for (int i = 0; i < texts.size(); i++) {
      String[] words = texts.get(i).split(" ");
      words[random.nextInt(words.length)] = "edited";
      int id = i;
      assertThat(index.search(String.join(" ", words), 0.7)).as("seed %d, text %d", seed, i)
          .anySatisfy(m -> assertThat(m.value()).isEqualTo(id));
    }
  }

  @Test
  void searchFindsExactlyTheTextsABruteForceComparisonFinds() {
    long seed = 20261124L;
    SplittableRandom random = new SplittableRandom(seed);
    String[] vocabulary = new String[60];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = Long.toString(random.nextLong(1L << 30), 36);
    }
    NearDuplicateIndex<Integer> index = new NearDuplicateIndex<>();
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder b = new StringBuilder();
      int words = 2 + random.nextInt(40);
      for (int w = 0; w < words; w++) {
        b.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
      }
      texts.add(b.toString());
      index.add(b.toString(), i);
    }
    int nonEmpty = 0;
    for (int q = 0; q < 300; q++) {
      // a known text cut, edited or extended, or a fresh text over the same words
      String base = texts.get(random.nextInt(texts.size()));
      String[] words = base.split(" ");
      StringBuilder b = new StringBuilder();
      int from = random.nextInt(words.length);
      for (int w = from; w < words.length; w++) {
        b.append(random.nextInt(6) == 0 ? vocabulary[random.nextInt(vocabulary.length)] : words[w]).append(' ');
      }
      String query = random.nextBoolean() ? b.toString() : b + " " + vocabulary[random.nextInt(vocabulary.length)];
      double threshold = 0.3 + 0.1 * random.nextInt(7);
      long[] shingles = Shingles.of(query);
      List<Integer> expected = new java.util.ArrayList<>();
      for (int id = 0; id < texts.size(); id++) {
        long[] known = Shingles.of(texts.get(id));
        int common = Shingles.intersection(shingles, known);
        double jaccard = (double) common / (shingles.length + known.length - common);
        double containment = shingles.length >= NearDuplicateIndex.MIN_CONTAINMENT_SHINGLES ? (double) common / shingles.length : 0;
        if (common > 0 && Math.max(jaccard, containment) >= threshold) {
          expected.add(id);
        }
      }
      List<NearDuplicateIndex.Match<Integer>> found = index.search(query, threshold);
      assertThat(found.stream().map(NearDuplicateIndex.Match::value).sorted().toList()).as("seed %d, query %d at %.1f", seed, q, threshold)
          .isEqualTo(expected);
      for (int i = 1; i < found.size(); i++) {
        assertThat(found.get(i - 1).score()).isGreaterThanOrEqualTo(found.get(i).score());
      }
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("queries with at least one match").isGreaterThan(100);
  }

  @Test
  void badStatementListsNameEveryBadRow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.csv");
    Files.writeString(file, "text,label,tier\ntoo short,x,promotional\n" + "\"" + STATEMENT + "\",,promotional\n" + "\"" + STATEMENT + "\",s,loud\n");
    assertThatThrownBy(() -> KnownTextDetector.load("s", file)).hasMessageContaining("line 2").hasMessageContaining("line 3").hasMessageContaining("line 4");
    Files.writeString(file, "text,label,tier\n\"" + STATEMENT + "\",s,promotional\n\"" + STATEMENT.toUpperCase() + "\",dup,promotional\n");
    assertThat(KnownTextDetector.load("s", file)).as("the same statement twice is kept once").hasSize(1);
  }
}
