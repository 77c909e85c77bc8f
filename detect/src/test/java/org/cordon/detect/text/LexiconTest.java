package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
  static final String HEADER = "term,language,weight,tier\n";

  @TempDir Path directory;

  private Path write(String rows) throws Exception {
    return Files.writeString(directory.resolve("placeholder-lexicon.csv"), HEADER + rows);
  }

  @Test
  void loadsEntriesWithLineNumbersAndTheFileNameAsName() throws Exception {
    Lexicon lexicon = Lexicon.load(write("lanternfront,en,0.6,official_propaganda\n\"فانوس الشمال\",ar,0.8,promotional\n"));

    assertThat(lexicon.name()).isEqualTo("placeholder-lexicon.csv");
    assertThat(lexicon.entries()).containsExactly(
        new LexiconEntry("lanternfront", "en", 0.6, Tier.OFFICIAL_PROPAGANDA, 2),
        new LexiconEntry("فانوس الشمال", "ar", 0.8, Tier.PROMOTIONAL, 3));
  }

  @Test
  void listsEveryBadRowWithItsLineNumber() throws Exception {
    Path file = write("""
        lanternfront,en,0.6,promotional
        ,en,0.5,promotional
        emberwatch,english,0.5,promotional
        emberwatch,en,1.5,promotional
        emberwatch,en,lots,promotional
        emberwatch,en,0.5,apocalyptic
        emberwatch,en,0.5
        LANTERN\u200BFRONT,en,0.3,promotional
        \u200B,en,0.3,promotional
        "unclosed,en,0.3,promotional
        """);

    assertThatThrownBy(() -> Lexicon.load(file))
        .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "line 3: the term is empty",
            "line 4: 'english' is not a language tag such as en, ar or und",
            "line 5: the weight 1.5 is outside [0, 1]",
            "line 6: the weight 'lots' is not a number",
            "line 7: unknown tier 'apocalyptic'; known: threat_to_life, graphic_violence, official_propaganda, promotional",
            "line 8: expected 4 fields (term,language,weight,tier), found 3",
            "line 9: the term 'LANTERN\u200BFRONT' repeats line 2 once normalised ('lanternfront')",
            "line 10: the term '\u200B' is empty once normalised",
            "line 11: a quoted field is not closed"));
  }

  @Test
  void rejectsAFileWithoutTheHeader() throws Exception {
    Path file = Files.writeString(directory.resolve("x.csv"), "lanternfront,en,0.6,promotional\n");

    assertThatThrownBy(() -> Lexicon.load(file)).hasMessageContaining("line 1: the header must be term,language,weight,tier");
  }

  @Test
  void rejectsNotANumberWeight() throws Exception {
    assertThatThrownBy(() -> Lexicon.load(write("lanternfront,en,NaN,promotional\n")))
        .hasMessageContaining("line 2: the weight NaN is outside [0, 1]");
  }
}
