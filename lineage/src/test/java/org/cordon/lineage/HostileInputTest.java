package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.cordon.lineage.Profiles.T0;
import static org.cordon.lineage.Profiles.follows;
import static org.cordon.lineage.Profiles.key;
import static org.cordon.lineage.Profiles.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostileInputTest {
  private final SuspendedAccounts suspended = new SuspendedAccounts();
  private final ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, new LineageBook());
  private final Instant created = T0.plus(Duration.ofHours(2));

  private void suspendAbuHamza() {
    suspended.add(profile("1", "abu_hamza_lantern", "Abu Hamza", "placeholder slogan text", T0.minusSeconds(86_400)),
        follows(0, 10), T0);
  }

  private Check check(String handle) {
    return matcher.check(profile("10", handle, "Abu Hamza", "placeholder slogan text", created),
        Activity.firstSeenAt(created));
  }

  @Test
  void zeroWidthCharactersInAHandleDoNotHideIt() {
    suspendAbuHamza();

    Check check = check("abu\u200B_ha\u200Dmza_lantern_2");

    assertThat(check.match()).map(Candidate::predecessor).contains(key("1"));
  }

  @Test
  void rightToLeftControlsInAHandleDoNotHideIt() {
    suspendAbuHamza();

    Check check = check("\u202Eabu_hamza_lantern\u202C_3");

    assertThat(check.match()).map(Candidate::predecessor).contains(key("1"));
  }

  @Test
  void cyrillicHomoglyphsFoldToTheLatinHandle() {
    suspendAbuHamza();

    // 'а' and 'е' below are Cyrillic.
    Check check = check("\u0430bu_h\u0430mza_l\u0430ntern_4");

    assertThat(check.match()).map(Candidate::predecessor).contains(key("1"));
    assertThat(Names.plain("\u0430bu")).isEqualTo("abu");
  }

  @Test
  void arabicScriptIsTransliteratedToLatinLetters() {
    String folded = Names.plain("أبو حمزة");

    assertThat(folded).matches("[a-z ]+").isNotBlank();
  }

  @Test
  void anEmptyBioIsNoEvidenceEitherWay() {
    suspendAbuHamza();

    Check check = matcher.check(profile("10", "abu_hamza_lantern_2", "Abu Hamza", "", created), Activity.firstSeenAt(created));

    assertThat(check.candidates().getFirst().evidence(Evidence.Bio.class)).isEmpty();
  }

  @Test
  void aTenThousandCharacterBioIsCutNotFatal() {
    String huge = "placeholder ".repeat(900) + "x".repeat(200);
    assertThat(huge.length()).isGreaterThanOrEqualTo(10_000);
    suspended.add(profile("1", "abu_hamza_lantern", "Abu Hamza", huge, T0.minusSeconds(86_400)), follows(0, 10), T0);

    Check check = matcher.check(profile("10", "abu_hamza_lantern_2", "Abu Hamza", huge, created), Activity.firstSeenAt(created));

    assertThat(Bios.shingles(huge).length).isLessThanOrEqualTo(Bios.MAX_SHINGLES);
    assertThat(check.match()).map(Candidate::predecessor).contains(key("1"));
  }

  @Test
  void emptyAndSymbolOnlyHandlesAreCheckedWithoutFailing() {
    suspended.add(profile("1", "", null, null, T0.minusSeconds(86_400)), List.of(), T0);
    suspended.add(profile("2", "\u200B\u200B", "\u202E", null, T0.minusSeconds(86_400)), List.of(), T0);
    suspended.add(profile("3", "___", "!!!", "", T0.minusSeconds(86_400)), List.of(), T0);

    assertThatCode(() -> {
      check("");
      check("\u200B");
      check("___");
      check("x".repeat(5_000));
      check("\uD800broken-surrogate");
    }).doesNotThrowAnyException();
    assertThat(check("___").match()).isEmpty();
  }

  @Test
  void aHandleMadeOfTheAccountIdIsNotComparedAsAHandle() {
    // Telegram group members show no handle; connectors fall back to the id.
    suspended.add(new AccountProfile(key("user500"), "user500", Optional.of("Night watch"), Optional.empty(),
        Optional.empty(), Optional.empty()), List.of(), T0);

    Check check = matcher.check(new AccountProfile(key("user501"), "user501", Optional.of("Someone else"),
        Optional.empty(), Optional.empty(), Optional.empty()), Activity.firstSeenAt(created));

    assertThat(check.candidates()).isEmpty();
  }

  @Test
  void aTelegramChannelIsNeverTheUserAccountsPredecessor() {
    suspended.add(new AccountProfile(key("channel1000000367"), "channel1000000367", Optional.of("Nur river"),
        Optional.empty(), Optional.empty(), Optional.empty()), List.of(), T0);

    Check user = matcher.check(new AccountProfile(key("user500002596"), "user500002596", Optional.of("Nur river"),
        Optional.empty(), Optional.empty(), Optional.empty()), Activity.firstSeenAt(created));
    Check channel = matcher.check(new AccountProfile(key("channel1000000368"), "channel1000000368",
        Optional.of("Nur river"), Optional.empty(), Optional.empty(), Optional.empty()), Activity.firstSeenAt(created));

    assertThat(user.candidates()).isEmpty();
    assertThat(channel.candidates()).extracting(Candidate::predecessor).containsExactly(key("channel1000000367"));
    // A display name alone, without a handle, is not enough to call it.
    assertThat(channel.match()).isEmpty();
  }
}
