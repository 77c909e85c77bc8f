package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorsTest {
  @Test
  void handlesMatchWithoutTheAtSignAndWhateverTheCase() {
    assertThat(Selectors.normalize(SelectorKind.HANDLE, " @@Some_Handle ")).isEqualTo("some_handle");
    assertThat(Selectors.normalize(SelectorKind.HANDLE, "ＳＯＭＥ_handle")).isEqualTo("some_handle");
  }

  @Test
  void urlsAreComparedInCanonicalForm() {
    assertThat(Selectors.normalize(SelectorKind.URL, "HTTP://WWW.Example.org/a?utm_source=x#frag"))
        .isEqualTo(Selectors.normalize(SelectorKind.URL, "https://example.org/a"));
  }

  @Test
  void phonesAndEmailsAreContactHandlesInOneForm() {
    assertThat(Selectors.normalize(SelectorKind.PHONE, "0044 (20) 7946-0000")).isEqualTo("+442079460000");
    assertThat(Selectors.normalize(SelectorKind.EMAIL, "Someone@Mail.Example")).isEqualTo("someone@mail.example");
    assertThat(Selectors.normalize(SelectorKind.MEDIA_HASH, "PDQ:" + "AB".repeat(32))).isEqualTo("ab".repeat(32));
  }

  @Test
  void invisibleCharactersAndMalformedValuesAreRefusedWithAReason() {
    for (var bad : List.of(List.of(SelectorKind.HANDLE, "some\u200bhandle"), List.of(SelectorKind.HANDLE, "two words"),
        List.of(SelectorKind.EMAIL, "no-at.example"), List.of(SelectorKind.PHONE, "call me"), List.of(SelectorKind.MEDIA_HASH, "xyz"),
        List.of(SelectorKind.URL, "javascript:alert(1)"), List.of(SelectorKind.HANDLE, "\u202Eevil"), List.of(SelectorKind.HANDLE, " "))) {
      assertThatThrownBy(() -> Selectors.normalize((SelectorKind) bad.get(0), (String) bad.get(1)))
          .as("%s", bad).isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.INVALID));
    }
  }

  @Test
  void contactHandlesAreFoundInFreeText() {
    Set<Selectors.Identifier> ids = Selectors.newSet();
    Selectors.contactsIn("placeholder bio: write to Box.7@Mail.example or call +33 1 23 45 67 89", ids, "bio");
    assertThat(ids).extracting(Selectors.Identifier::normalized).contains("box.7@mail.example", "+33123456789");
  }

  @Test
  void csvCellsMayBeQuotedWithCommasAndQuotesInside() {
    assertThat(UnitFiles.cells("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
    assertThatThrownBy(() -> UnitFiles.cells("a,\"open")).hasMessageContaining("unterminated");
  }
}
