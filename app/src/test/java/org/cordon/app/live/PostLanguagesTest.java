package org.cordon.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.language.Identification;
import org.cordon.language.LanguageIdentifier;
import org.junit.jupiter.api.Test;

class PostLanguagesTest {
  static final AccountKey AUTHOR = AccountKey.of(Platform.TELEGRAM, "channel1");

  /** Says "ar" for text with Arabic letters, "en" for other letters, nothing for no letters; counts its calls. */
  static final class FakeIdentifier implements LanguageIdentifier {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Identification identify(String text) {
      calls.incrementAndGet();
      if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
        return new Identification(Optional.of("ar"), 0.9, "ARABIC", List.of());
      }
      if (text.codePoints().anyMatch(Character::isLetter)) {
        return new Identification(Optional.of("en"), 0.9, "LATIN", List.of());
      }
      return new Identification(Optional.empty(), 0.0, "COMMON", List.of());
    }

    @Override
    public String name() {
      return "fake";
    }
  }

  static Post post(String id, String text, Optional<String> language) {
    return new Post(PostKey.of(Platform.TELEGRAM, id), AUTHOR, Instant.parse("2026-11-23T10:00:00Z"), text, language, Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void aPostWithoutALanguageIsGivenTheOneIdentifiedAndTheRestOfTheRecordIsKept() {
    FakeIdentifier identifier = new FakeIdentifier();
    PostLanguages languages = new PostLanguages(() -> identifier);
    Account author = Account.minimal(AUTHOR, "channel1");
    ParsedRecord record = new ParsedRecord(new SourcePosition("t", 1, 0), "{}".getBytes(StandardCharsets.UTF_8),
        List.of(post("1", "نص تجريبي", Optional.empty()), author));

    ParsedRecord filled = languages.fill(record);

    assertThat(((Post) filled.items().get(0)).language()).contains("ar");
    assertThat(filled.items().get(1)).isEqualTo(author);
    assertThat(filled.payload()).as("the evidence is the raw payload, untouched").isEqualTo(record.payload());
  }

  @Test
  void aPostWhosePlatformNamedItsLanguageIsLeftAloneAndTheModelsAreNeverLoaded() {
    AtomicInteger loads = new AtomicInteger();
    PostLanguages languages = new PostLanguages(() -> {
      loads.incrementAndGet();
      return new FakeIdentifier();
    });
    Post post = post("1", "some text", Optional.of("fr"));

    assertThat(languages.fill(post)).isSameAs(post);
    assertThat(loads).hasValue(0);
  }

  @Test
  void anAccountIsIdentifiedThreeTimesThenItsMostSeenLanguageIsUsed() {
    FakeIdentifier identifier = new FakeIdentifier();
    PostLanguages languages = new PostLanguages(() -> identifier);
    languages.fill(post("1", "نص", Optional.empty()));
    languages.fill(post("2", "english words", Optional.empty()));
    languages.fill(post("3", "نص آخر", Optional.empty()));

    Post fourth = languages.fill(post("4", "more english words", Optional.empty()));

    assertThat(identifier.calls).hasValue(PostLanguages.SAMPLES);
    assertThat(fourth.language()).as("the account's most seen language").contains("ar");
    assertThat(languages.identifications()).isEqualTo(3);
  }

  @Test
  void aPostWithNoLettersKeepsNoLanguageAndDoesNotUseUpASample() {
    FakeIdentifier identifier = new FakeIdentifier();
    PostLanguages languages = new PostLanguages(() -> identifier);

    assertThat(languages.fill(post("1", "123 !! 456 :)", Optional.empty())).language()).isEmpty();
    languages.fill(post("2", "words", Optional.empty()));
    languages.fill(post("3", "words", Optional.empty()));
    languages.fill(post("4", "words", Optional.empty()));
    languages.fill(post("5", "words", Optional.empty()));

    assertThat(identifier.calls).hasValue(4);
  }
}
