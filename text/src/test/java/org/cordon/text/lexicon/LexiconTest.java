package org.cordon.text.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private final LexiconEntry pale = LexiconEntry.literal("Pale Lantern Order", "en", 0.45).withTier(Tier.OFFICIAL_PROPAGANDA);
  private final LexiconEntry media = LexiconEntry.literal("Lantern Light Media", "en", 0.3);
  private final Lexicon first = Lexicon.of("demo", 1, List.of(pale));

  @Test
  void everyEditMakesTheNextVersionAndLeavesTheOldOneAlone() {
    Lexicon second = first.apply(new LexiconChange.Add(media));
    Lexicon third = second.apply(new LexiconChange.Remove(EntryKey.of(EntryKind.PHRASE, "PALE LANTERN ORDER", "en")));

    assertThat(second.version()).isEqualTo(2);
    assertThat(third.version()).isEqualTo(3);
    assertThat(first.entries()).containsExactly(pale);
    assertThat(second.entries()).containsExactlyInAnyOrder(pale, media);
    assertThat(third.entries()).containsExactly(media);
    assertThat(third.digest()).isNotEqualTo(second.digest());
  }

  @Test
  void replacesAnEntryUnderAnotherSpelling() {
    LexiconEntry corrected = LexiconEntry.literal("Pale Lantern Order", "en", 0.6);
    Lexicon next = first.apply(new LexiconChange.Replace(pale.key(), corrected));

    assertThat(next.entries()).containsExactly(corrected);
  }

  @Test
  void refusesEditsThatDoNotFitAndAppliesNoneOfThem() {
    assertThatThrownBy(() -> first.apply(
        new LexiconChange.Add(media),
        new LexiconChange.Add(LexiconEntry.literal("p4le lantern 0rder", "en", 0.1)),
        new LexiconChange.Remove(EntryKey.of(EntryKind.TERM, "ember", "en"))))
        .isInstanceOf(LexiconException.class)
        .satisfies(e -> assertThat(((LexiconException) e).problems()).extracting(LexiconProblem::toString)
            .containsExactly(
                "change 2: term 'pale lantern order' (en) is already in the lexicon; replace it instead",
                "change 3: there is no term 'ember' (en) to remove"));
    assertThat(first.version()).isEqualTo(1);
  }

  @Test
  void refusesDuplicateEntriesWhenBuilt() {
    assertThatThrownBy(() -> Lexicon.of("demo", 1, List.of(pale, LexiconEntry.literal("PALE LANTERN ORDER", "en", 0.2))))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("keep one");
  }

  @Test
  void refusesABadVersionOrName() {
    assertThatThrownBy(() -> Lexicon.of("demo", 0, List.of())).hasMessageContaining("versions start at 1");
    assertThatThrownBy(() -> Lexicon.of(" ", 1, List.of())).hasMessageContaining("1 to 200 printable characters");
  }

  @Test
  void entriesRefuseBadValuesWithAReason() {
    assertThatThrownBy(() -> LexiconEntry.literal("lantern", "en", Double.NaN)).hasMessageContaining("outside [0, 1]");
    assertThatThrownBy(() -> LexiconEntry.literal("\u200B\u200D", "en", 0.1)).hasMessageContaining("empty once normalised");
    assertThatThrownBy(() -> LexiconEntry.pattern("a++(", "en", 0.1)).hasMessageContaining("not a valid RE2");
    assertThatThrownBy(() -> LexiconEntry.literal("lantern", "english!", 0.1)).hasMessageContaining("not a language tag");
    assertThatThrownBy(() -> LexiconEntry.literal("x".repeat(1001), "en", 0.1)).hasMessageContaining("at most 1000");
  }
}
