package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cordon.lineage.Profiles.T0;
import static org.cordon.lineage.Profiles.follows;
import static org.cordon.lineage.Profiles.key;
import static org.cordon.lineage.Profiles.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Platform;
import org.cordon.detect.media.pdq.PdqHash;
import org.junit.jupiter.api.Test;

class ReturningAccountMatcherTest {
  private static final String SLOGAN = "The lantern never goes out, placeholder slogan of the range";
  private final SuspendedAccounts suspended = new SuspendedAccounts();
  private final LineageBook book = new LineageBook();
  private final ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book);

  private void suspend(String id, String handle, String name, String bio, List<org.cordon.core.model.AccountKey> neighbourhood) {
    suspended.add(profile(id, handle, name, bio, T0.minus(Duration.ofDays(90))), neighbourhood, T0);
  }

  private Check checkNew(String id, String handle, String name, String bio) {
    Instant created = T0.plus(Duration.ofHours(3));
    return matcher.check(profile(id, handle, name, bio, created), Activity.firstSeenAt(created.plusSeconds(60)));
  }

  @Test
  void findsTheNumericSuffixVariantOfASuspendedHandle() {
    suspend("1", "abu_hamza_lantern", "Abu Hamza", SLOGAN, follows(0, 20));
    suspend("2", "river_news_daily", "River News", "Daily news from the river towns", follows(100, 20));

    Check check = checkNew("10", "abu_hamza_lantern_2", "Abu Hamza", SLOGAN + " (acc 2)");

    assertThat(check.match()).isPresent();
    Candidate match = check.match().get();
    assertThat(match.predecessor()).isEqualTo(key("1"));
    assertThat(match.evidence(Evidence.Handle.class).get().pattern()).isEqualTo(HandlePattern.NUMERIC_SUFFIX);
    assertThat(match.score()).isBetween(0.9, 1.0);
  }

  @Test
  void findsAnotherRomanisationOfTheSameName() {
    suspend("1", "noor_falcon7x", "Noor falcon", SLOGAN, follows(0, 20));

    Check check = checkNew("10", "nur_falcon7x2", "Noor falcon", SLOGAN + " | back again");

    assertThat(check.match()).isPresent();
    assertThat(check.match().get().evidence(Evidence.Handle.class).get().pattern()).isEqualTo(HandlePattern.TRANSLITERATION);
  }

  @Test
  void findsAHandleThatOnlyChangedItsUnderscores() {
    suspend("1", "ember_wire_media", "Ember Wire", SLOGAN, follows(0, 20));

    Check check = checkNew("10", "ember__wire_media", "Ember Wire", SLOGAN);

    assertThat(check.match()).isPresent();
    assertThat(check.match().get().evidence(Evidence.Handle.class).get().pattern()).isEqualTo(HandlePattern.UNDERSCORES);
  }

  @Test
  void rejectsALookAlikeWhoseOtherEvidenceDisagrees() {
    // Same stem, one letter apart, same common display name; different bio and a neighbourhood of its own.
    suspend("1", "abu_lantern02s", "Abu lantern", SLOGAN, follows(0, 30));
    suspend("2", "omar_cedar1k", "Abu lantern", "Coffee and books", follows(200, 30));
    Instant created = T0.plus(Duration.ofHours(3));
    AccountProfile lookAlike = profile("10", "abu_lantern02t", "Abu lantern", "Football, family and coffee", created);

    Check first = matcher.check(lookAlike, Activity.firstSeenAt(created));
    Check withFollows = matcher.check(lookAlike, new Activity(created, new HashSet<>(follows(500, 8)), List.of()));

    assertThat(first.candidates()).extracting(Candidate::predecessor).contains(key("1"));
    assertThat(first.match()).isEmpty();
    assertThat(withFollows.match()).isEmpty();
    assertThat(withFollows.candidates().getFirst().evidence(Evidence.Neighbourhood.class).get().weight()).isNegative();
  }

  @Test
  void aSharedContactOfAPredecessorBarelySeenIsNoArgumentAgainstButOfAWellKnownOneItIs() {
    suspend("1", "karim_north_lantern", null, null, follows(0, 2));   // two follows seen, never a post
    suspend("2", "river_lantern_daily", null, null, follows(100, 40));
    Instant created = T0.plus(Duration.ofHours(3));
    Activity thin = new Activity(created, new HashSet<>(List.of(key("f0"), key("f50"), key("f51"))), List.of());
    Activity known = new Activity(created, new HashSet<>(List.of(key("f100"), key("f150"), key("f151"))), List.of());

    double againstThin = neighbourhoodWeight(matcher.check(profile("10", "karim_north_lantern_1", null, null, created), thin), "1");
    double againstKnown = neighbourhoodWeight(matcher.check(profile("11", "river_lantern_daily_1", null, null, created), known), "2");

    assertThat(againstThin).isZero();
    assertThat(againstKnown).isNegative();
  }

  private static double neighbourhoodWeight(Check check, String predecessor) {
    return check.candidates().stream().filter(c -> c.predecessor().equals(key(predecessor))).findFirst().orElseThrow()
        .evidence().stream().filter(e -> e instanceof Evidence.Neighbourhood).findFirst().orElseThrow().weight();
  }

  @Test
  void neverMatchesAnAccountSuspendedAfterTheNewOneWasCreated() {
    Instant created = T0.minus(Duration.ofHours(1));
    AccountProfile early = profile("10", "abu_hamza_lantern_2", "Abu Hamza", SLOGAN, created);
    suspended.add(profile("1", "abu_hamza_lantern", "Abu Hamza", SLOGAN, T0.minus(Duration.ofDays(90))), follows(0, 20), T0);

    Check check = matcher.check(early, Activity.firstSeenAt(T0.plus(Duration.ofHours(2))));

    assertThat(check.candidates()).isEmpty();
    assertThat(check.match()).isEmpty();
  }

  @Test
  void neverMatchesAnAccountThatIsNoLongerSuspended() {
    suspend("1", "abu_hamza_lantern", "Abu Hamza", SLOGAN, follows(0, 20));
    assertThat(suspended.remove(key("1"))).isTrue();

    Check check = checkNew("10", "abu_hamza_lantern_2", "Abu Hamza", SLOGAN);

    assertThat(check.candidates()).isEmpty();
  }

  @Test
  void reCheckRaisesTheScoreWhenTheFirstFollowsArrive() {
    // A weak profile: the handle was edited, not suffixed, and the name and bio are gone.
    suspend("1", "lanternkeeper", "Lantern keeper", SLOGAN, follows(0, 40));
    Instant created = T0.plus(Duration.ofHours(2));
    AccountProfile returner = new AccountProfile(key("10"), "lanternkeepr", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(created));

    Check first = matcher.check(returner, Activity.firstSeenAt(created));
    Set<org.cordon.core.model.AccountKey> refollowed = new HashSet<>(follows(0, 6));
    Check later = matcher.check(returner, new Activity(created, refollowed, List.of()));

    assertThat(first.match()).isEmpty();
    assertThat(later.candidates().getFirst().score()).isGreaterThan(first.candidates().getFirst().score());
    assertThat(later.match()).map(Candidate::predecessor).contains(key("1"));
    assertThat(later.match().get().evidence(Evidence.Neighbourhood.class).get().shared()).isEqualTo(6);
  }

  @Test
  void aShoutoutNamingThePredecessorFindsItEvenWithAnUnrelatedHandle() {
    suspend("1", "lantern_light_media", "Lantern Light", SLOGAN, follows(0, 20));
    Instant created = T0.plus(Duration.ofHours(2));
    AccountProfile renamed = profile("10", "qx7_relay", null, null, created);
    Shoutout shoutout = new Shoutout(PostKey.of(Platform.X, "p1"), key("99"), Set.of("lantern_light_media"),
        created.plusSeconds(600));

    Check before = matcher.check(renamed, Activity.firstSeenAt(created));
    Check after = matcher.check(renamed, new Activity(created, Set.of(), List.of(shoutout)));

    assertThat(before.match()).isEmpty();
    assertThat(after.match()).map(Candidate::predecessor).contains(key("1"));
    assertThat(after.match().get().evidence(Evidence.Shoutout.class)).isPresent();
  }

  @Test
  void aCloseAvatarIsEvidenceAndAFarOneIsNot() {
    PdqHash picture = new PdqHash(0x0123456789abcdefL, 0x1111222233334444L, 0x5555666677778888L, 0x99990000aaaabbbbL);
    PdqHash edited = new PdqHash(picture.w0() ^ 0b1011, picture.w1(), picture.w2() ^ (1L << 40), picture.w3());
    suspended.add(new AccountProfile(key("1"), "moon_watch", Optional.empty(), Optional.empty(), Optional.of(picture),
        Optional.empty()), List.of(), T0);
    Instant created = T0.plus(Duration.ofHours(1));

    Check close = matcher.check(new AccountProfile(key("10"), "totally_other", Optional.empty(), Optional.empty(),
        Optional.of(edited), Optional.of(created)), Activity.firstSeenAt(created));

    assertThat(close.candidates()).extracting(Candidate::predecessor).containsExactly(key("1"));
    Evidence.Avatar avatar = close.candidates().getFirst().evidence(Evidence.Avatar.class).get();
    assertThat(avatar.distance()).isEqualTo(4);
    assertThat(avatar.weight()).isPositive();
  }

  @Test
  void theMatchBecomesASignalForTheTriageQueue() {
    suspend("1", "abu_hamza_lantern", "Abu Hamza", SLOGAN, follows(0, 20));
    Candidate match = checkNew("10", "abu_hamza_lantern_2", "Abu Hamza", SLOGAN).match().orElseThrow();

    var signal = match.toSignal(key("10"));

    assertThat(signal.kind()).isEqualTo(Candidate.SIGNAL_KIND);
    assertThat(signal.subject()).isEqualTo(key("10"));
    assertThat(signal.strength()).isEqualTo(match.score());
    assertThat(signal.reason()).contains("@abu_hamza_lantern");
    assertThat(signal.evidence()).containsKey("handle");
  }
}
