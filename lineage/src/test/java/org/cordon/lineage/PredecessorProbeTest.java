package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cordon.lineage.Profiles.T0;
import static org.cordon.lineage.Profiles.follows;
import static org.cordon.lineage.Profiles.key;
import static org.cordon.lineage.Profiles.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.junit.jupiter.api.Test;

class PredecessorProbeTest {
  private final SuspendedAccounts suspended = new SuspendedAccounts();
  private final LineageBook book = new LineageBook();
  private final ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book);
  private final Map<String, PlatformAccounts.GoneAccount> platformSays = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private final PlatformAccounts platform = (p, handle) -> {
    asked.add(handle);
    return Optional.ofNullable(platformSays.get(p.name() + ':' + handle));
  };
  private final PredecessorProbe probe = new PredecessorProbe(platform, suspended);

  private void gone(String id, String handle, Instant since) {
    platformSays.put("x:" + handle, new PlatformAccounts.GoneAccount(key(id), handle, since));
  }

  @Test
  void findsAPredecessorCordonNeverSawAndTheMatcherLinksIt() {
    Instant suspendedAt = T0;
    gone("1", "karim_north1tp", suspendedAt);
    AccountProfile returner = profile("2", "karim_north1tp_1", "Karim north", "new here", T0.plus(Duration.ofHours(1)));

    // Without the probe nothing is known of the predecessor: no candidate at all.
    assertThat(matcher.check(returner, Activity.firstSeenAt(T0.plus(Duration.ofHours(2)))).candidates()).isEmpty();

    List<PlatformAccounts.GoneAccount> found = probe.probe(returner);
    assertThat(found).extracting(PlatformAccounts.GoneAccount::key).containsExactly(key("1"));
    // Indexed with what the platform told (the handle) and the follows Cordon saw it make.
    suspended.add(AccountProfile.of(Account.minimal(key("1"), "karim_north1tp"), Optional.empty()), follows(0, 2), found.getFirst().since());
    matcher.forget(returner.key());
    Check check = matcher.check(returner, new Activity(T0.plus(Duration.ofHours(2)), new HashSet<>(List.of(key("f0"), key("f90"), key("f91"))), List.of()));

    assertThat(check.match()).map(Candidate::predecessor).contains(key("1"));
  }

  @Test
  void aStrangerWhoLongAgoHeldTheStemIsACandidateButNoMatch() {
    gone("1", "anna_marlowe", T0.minus(Duration.ofDays(200)));
    AccountProfile newcomer = profile("2", "anna_marlowe_2", "Anna", "gardening and birds", T0.plus(Duration.ofHours(1)));
    for (PlatformAccounts.GoneAccount g : probe.probe(newcomer)) {
      suspended.add(AccountProfile.of(Account.minimal(g.key(), g.handle()), Optional.empty()), List.of(), g.since());
    }

    Check check = matcher.check(newcomer, new Activity(T0.plus(Duration.ofHours(2)), new HashSet<>(follows(50, 6)), List.of()));

    assertThat(check.candidates()).extracting(Candidate::predecessor).contains(key("1"));
    assertThat(check.match()).isEmpty();
  }

  @Test
  void asksEachHandleOncePerAccountAndSkipsTheSuspendedAlreadyKnown() {
    suspended.add(profile("9", "lantern_light", "Lantern", null, T0.minus(Duration.ofDays(30))), List.of(), T0);
    AccountProfile returner = profile("2", "lantern_light_1", "Lantern", null, T0.plus(Duration.ofHours(1)));

    probe.probe(returner);
    int first = asked.size();
    probe.probe(returner);

    assertThat(first).isPositive();
    assertThat(asked).hasSize(first).doesNotContain("lantern_light");
    assertThat(probe.lookups()).isEqualTo(first);
  }

  @Test
  void ignoresAnswersNamingTheAccountItselfAnotherPlatformOrOneAlreadyIndexed() {
    platformSays.put("x:lantern_light", new PlatformAccounts.GoneAccount(key("2"), "lantern_light", T0));
    platformSays.put("x:lantern_light1", new PlatformAccounts.GoneAccount(AccountKey.of(Platform.TELEGRAM, "user5"), "lantern_light1", T0));
    suspended.add(profile("7", "someone_else", "Someone", null, T0.minus(Duration.ofDays(30))), List.of(), T0);
    platformSays.put("x:lantern_light_2", new PlatformAccounts.GoneAccount(key("7"), "lantern_light_2", T0));

    assertThat(probe.probe(profile("2", "lantern_light_1", "Lantern", null, T0.plus(Duration.ofHours(1))))).isEmpty();
  }

  @Test
  void anAccountWithoutAChosenHandleIsNotProbed() {
    AccountProfile member = new AccountProfile(AccountKey.of(Platform.TELEGRAM, "user500001507"), "user500001507",
        Optional.of("Jonas north"), Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(probe.probe(member)).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void aPlatformNobodyCanAskFindsNothing() {
    PredecessorProbe blind = new PredecessorProbe(PlatformAccounts.none(), suspended);

    assertThat(blind.probe(profile("2", "karim_north1tp_1", "Karim", null, T0))).isEmpty();
    assertThat(blind.lookups()).isPositive();
  }
}
