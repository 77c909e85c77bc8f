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
  void badStatementListsNameEveryBadRow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.csv");
    Files.writeString(file, "text,label,tier\ntoo short,x,promotional\n" + "\"" + STATEMENT + "\",,promotional\n" + "\"" + STATEMENT + "\",s,loud\n");
    assertThatThrownBy(() -> KnownTextDetector.load("s", file)).hasMessageContaining("line 2").hasMessageContaining("line 3").hasMessageContaining("line 4");
    Files.writeString(file, "text,label,tier\n\"" + STATEMENT + "\",s,promotional\n\"" + STATEMENT.toUpperCase() + "\",dup,promotional\n");
    assertThat(KnownTextDetector.load("s", file)).as("the same statement twice is kept once").hasSize(1);
  }
}
