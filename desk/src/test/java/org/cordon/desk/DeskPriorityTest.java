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
  void aMoreSevereTierAlwaysComesFirstWhateverTheOtherInputs() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      Tier severe = Tier.values()[random.nextInt(3)];
      Tier lesser = Tier.values()[severe.ordinal() + 1 + random.nextInt(Tier.values().length - severe.ordinal() - 1)];
      PriorityInputs weak = item(Optional.of(severe), 0);
      PriorityInputs strong = new PriorityInputs(Optional.of(lesser), 1, 10_000_000, 100_000, OptionalDouble.of(1), true, true, SEEN);
      Duration weakAge = Duration.ofMinutes(random.nextInt(10));
      Duration strongAge = Duration.ofHours(random.nextInt(1000));
      assertThat(at(weak, weakAge).priority()).as("seed %d: %s over %s", seed, severe, lesser).isGreaterThan(at(strong, strongAge).priority());
    }
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
    double previous = -1;
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
