package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;

class DeskPriorityTest {
  private static final Instant SEEN = Instant.parse("2026-03-02T09:00:00Z");
  private static final DeskPolicy POLICY = DeskPolicy.defaults("Test Referral Unit");

  private static PriorityInputs item(Optional<Tier> tier, double risk) {
    return new PriorityInputs(tier, risk, 0, 0, OptionalDouble.empty(), false, false, SEEN);
  }

  private static DeskPriority.Result at(PriorityInputs in, Duration age) {
    return DeskPriority.of(in, SEEN.plus(age), POLICY);
  }

  @Test
  void ofTwoItemsSeenTogetherTheMoreSevereTierComesFirst() {
    Duration[] ages = {Duration.ZERO, Duration.ofMinutes(7), Duration.ofMinutes(90), Duration.ofHours(5)};
    for (Duration age : ages) {
      for (int severe = 0; severe < Tier.values().length - 1; severe++) {
        for (int lesser = severe + 1; lesser < Tier.values().length; lesser++) {
          PriorityInputs s = item(Optional.of(Tier.values()[severe]), 0.5);
          PriorityInputs l = item(Optional.of(Tier.values()[lesser]), 0.5);
          assertThat(at(s, age).priority()).as("%s over %s at %s", Tier.values()[severe], Tier.values()[lesser], age)
              .isGreaterThan(at(l, age).priority());
        }
      }
    }
  }

  @Test
  void aThreatToLifeComesBeforeEveryOtherItemWhateverItsAgeAndWeight() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      Tier lesser = Tier.values()[1 + random.nextInt(Tier.values().length - 1)];
      PriorityInputs life = item(Optional.of(Tier.THREAT_TO_LIFE), 0);
      PriorityInputs strong = new PriorityInputs(Optional.of(lesser), 1, 10_000_000, 100_000, OptionalDouble.of(1), true, true, SEEN);
      assertThat(at(life, Duration.ofMinutes(random.nextInt(10))).priority()).as("seed %d: life over %s", seed, lesser)
          .isGreaterThan(at(strong, Duration.ofHours(random.nextInt(1000))).priority());
    }
  }

  @Test
  void severityAndWeightBuyAHeadStartOfAtMostAQuarterOfTheTarget() {
    // the strongest item there can be below a threat to life, against the weakest, older by just over a quarter of the 2 h target
    PriorityInputs strongest = new PriorityInputs(Optional.of(Tier.GRAPHIC_VIOLENCE), 1, 10_000_000, 100_000, OptionalDouble.of(1), true, true, SEEN);
    PriorityInputs weakest = item(Optional.empty(), 0);
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      Duration fresh = Duration.ofMinutes(random.nextInt(600));
      assertThat(at(weakest, fresh.plus(Duration.ofMinutes(31))).priority()).as("seed %d at %s", seed, fresh)
          .isGreaterThan(at(strongest, fresh).priority());
      assertThat(at(weakest, fresh.plus(Duration.ofMinutes(29))).priority()).as("seed %d at %s", seed, fresh)
          .isLessThan(at(strongest, fresh).priority());
    }
  }

  @Test
  void aPromotionalItemThatHasWaitedOvertakesAFreshBurstOfOfficialPropaganda() {
    PriorityInputs promotional = item(Optional.of(Tier.PROMOTIONAL), 0.5);
    PriorityInputs propaganda = item(Optional.of(Tier.OFFICIAL_PROPAGANDA), 0.5);
    assertThat(at(promotional, Duration.ofMinutes(40)).priority()).isGreaterThan(at(propaganda, Duration.ofMinutes(1)).priority());
    assertThat(at(promotional, Duration.ofMinutes(5)).priority()).isLessThan(at(propaganda, Duration.ofMinutes(1)).priority());
  }

  @Test
  void threatToLifeHasAFifteenMinuteClockAndTheRestTwoHoursByDefault() {
    assertThat(at(item(Optional.of(Tier.THREAT_TO_LIFE), 0.5), Duration.ofMinutes(16)).clock()).isEqualTo(DeskPriority.ClockState.BREACHED);
    assertThat(at(item(Optional.of(Tier.PROMOTIONAL), 0.5), Duration.ofMinutes(16)).clock()).isEqualTo(DeskPriority.ClockState.ON_TIME);
    assertThat(at(item(Optional.empty(), 0.5), Duration.ofMinutes(100)).clock()).isEqualTo(DeskPriority.ClockState.NEARING);
    assertThat(at(item(Optional.empty(), 0.5), Duration.ofMinutes(121)).remaining()).isEqualTo(Duration.ofMinutes(-1));
  }

  @Test
  void targetsAreConfigurable() {
    DeskPolicy fast = new DeskPolicy(Duration.ofMinutes(30), Duration.ofMinutes(5), 0.5, Duration.ofHours(1), Approval.NONE, Approval.NONE,
        Approval.NONE, java.util.List.of(Duration.ofHours(1)), DeskPolicy.SIX_MONTHS, "Unit");
    assertThat(DeskPriority.of(item(Optional.of(Tier.PROMOTIONAL), 0.5), SEEN.plus(Duration.ofMinutes(31)), fast).clock())
        .isEqualTo(DeskPriority.ClockState.BREACHED);
    assertThat(DeskPriority.of(item(Optional.of(Tier.THREAT_TO_LIFE), 0.5), SEEN.plus(Duration.ofMinutes(3)), fast).clock())
        .isEqualTo(DeskPriority.ClockState.NEARING);
  }

  @Test
  void anItemNearingItsTargetOvertakesAFresherOneOfHigherRiskInTheSameTier() {
    PriorityInputs lowRisk = item(Optional.of(Tier.OFFICIAL_PROPAGANDA), 0.2);
    PriorityInputs highRisk = item(Optional.of(Tier.OFFICIAL_PROPAGANDA), 0.9);
    assertThat(at(lowRisk, Duration.ofMinutes(110)).priority()).isGreaterThan(at(highRisk, Duration.ofMinutes(5)).priority());
  }

  @Test
  void priorityRisesWithAgeAndKeepsRisingAfterABreach() {
    PriorityInputs in = item(Optional.of(Tier.PROMOTIONAL), 0.5);
    double previous = Double.NEGATIVE_INFINITY;
    for (int minutes = 0; minutes <= 600; minutes += 10) {
      double p = at(in, Duration.ofMinutes(minutes)).priority();
      assertThat(p).as("at %d min", minutes).isGreaterThan(previous);
      previous = p;
    }
  }

  @Test
  void reachKeyAccountsReturningAccountsAndFreshReleasesRaisePriority() {
    PriorityInputs plain = item(Optional.of(Tier.PROMOTIONAL), 0.5);
    Duration age = Duration.ofMinutes(10);
    double base = at(plain, age).priority();
    assertThat(at(new PriorityInputs(plain.tier(), 0.5, 50_000, 0, OptionalDouble.empty(), false, false, SEEN), age).priority()).isGreaterThan(base);
    assertThat(at(new PriorityInputs(plain.tier(), 0.5, 0, 300, OptionalDouble.empty(), false, false, SEEN), age).priority()).isGreaterThan(base);
    assertThat(at(new PriorityInputs(plain.tier(), 0.5, 0, 0, OptionalDouble.of(0.9), false, false, SEEN), age).priority()).isGreaterThan(base);
    assertThat(at(new PriorityInputs(plain.tier(), 0.5, 0, 0, OptionalDouble.empty(), true, false, SEEN), age).priority()).isGreaterThan(base);
    assertThat(at(new PriorityInputs(plain.tier(), 0.5, 0, 0, OptionalDouble.empty(), false, true, SEEN), age).priority()).isGreaterThan(base);
  }

  @Test
  void aFirstSeenTimeInTheFutureCountsAsAgeZero() {
    DeskPriority.Result r = DeskPriority.of(item(Optional.empty(), 0.5), SEEN.minusSeconds(60), POLICY);
    assertThat(r.age()).isEqualTo(Duration.ZERO);
    assertThat(r.clock()).isEqualTo(DeskPriority.ClockState.ON_TIME);
  }
}
