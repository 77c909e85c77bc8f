package org.cordon.referral.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;

class PriorityTest {
  private static Assessment assessment(Tier tier, double score) {
    return assessment(Optional.of(tier), score);
  }

  private static Assessment assessment(Optional<Tier> tier, double score) {
    return new Assessment(PostKey.of(Platform.X, "p"), score, true, tier, List.of(), "placeholder", Instant.EPOCH);
  }

  private static double priority(Tier tier, double score, Duration age) {
    return Priority.of(assessment(tier, score), age);
  }

  @Test
  void aFreshLowRiskThreatToLifeOutranksAnOverdueHighRiskGraphicItem() {
    assertThat(priority(Tier.THREAT_TO_LIFE, 0.0, Duration.ZERO))
        .isGreaterThan(priority(Tier.GRAPHIC_VIOLENCE, 1.0, Duration.ofDays(3)));
  }

  @Test
  void tiersOrderBySeverityWhateverTheScoreAndAge() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      Tier graver = Tier.values()[random.nextInt(Tier.values().length - 1)];
      Tier lighter = Tier.values()[graver.ordinal() + 1 + random.nextInt(Tier.values().length - graver.ordinal() - 1)];
      double graveScore = random.nextDouble();
      double lightScore = random.nextDouble();
      Duration graveAge = Duration.ofSeconds(random.nextInt(86_400 * 30));
      Duration lightAge = Duration.ofSeconds(random.nextInt(86_400 * 30));
      assertThat(priority(graver, graveScore, graveAge))
          .as("seed %d: %s %.3f %s vs %s %.3f %s", seed, graver, graveScore, graveAge, lighter, lightScore, lightAge)
          .isGreaterThan(priority(lighter, lightScore, lightAge));
    }
  }

  @Test
  void anUntieredItemComesAfterEveryTieredOne() {
    assertThat(Priority.of(assessment(Optional.empty(), 1.0), Duration.ofDays(10)))
        .isLessThan(priority(Tier.PROMOTIONAL, 0.0, Duration.ZERO));
  }

  @Test
  void withinATierAnItemNearingItsTargetRisesAboveAFreshRiskierOne() {
    double nearlyDue = priority(Tier.OFFICIAL_PROPAGANDA, 0.5, Duration.ofMinutes(110));
    double fresh = priority(Tier.OFFICIAL_PROPAGANDA, 0.7, Duration.ofMinutes(5));

    assertThat(nearlyDue).isGreaterThan(fresh);
  }

  @Test
  void withinATierAtTheSameAgeTheRiskierItemComesFirst() {
    assertThat(priority(Tier.PROMOTIONAL, 0.9, Duration.ofMinutes(30)))
        .isGreaterThan(priority(Tier.PROMOTIONAL, 0.4, Duration.ofMinutes(30)));
  }

  @Test
  void priorityNeverFallsAsAnItemAges() {
    for (Tier tier : Tier.values()) {
      double previous = Double.NEGATIVE_INFINITY;
      for (int minutes = 0; minutes <= 24 * 60; minutes += 5) {
        double now = priority(tier, 0.5, Duration.ofMinutes(minutes));
        assertThat(now).as("%s at %d min", tier, minutes).isGreaterThanOrEqualTo(previous);
        previous = now;
      }
    }
  }

  @Test
  void threatToLifeRunsOnAFifteenMinuteClockAndOthersOnTwoHours() {
    assertThat(Priority.target(Optional.of(Tier.THREAT_TO_LIFE))).isEqualTo(Duration.ofMinutes(15));
    assertThat(Priority.target(Optional.of(Tier.PROMOTIONAL))).isEqualTo(Duration.ofHours(2));
    assertThat(Priority.target(Optional.empty())).isEqualTo(Duration.ofHours(2));
    // Ten minutes in, a threat-to-life item has used two thirds of its clock; promotional, a twelfth.
    double threatGain = priority(Tier.THREAT_TO_LIFE, 0.5, Duration.ofMinutes(10)) - priority(Tier.THREAT_TO_LIFE, 0.5, Duration.ZERO);
    double promotionalGain = priority(Tier.PROMOTIONAL, 0.5, Duration.ofMinutes(10)) - priority(Tier.PROMOTIONAL, 0.5, Duration.ZERO);
    assertThat(threatGain).isGreaterThan(20 * promotionalGain);
  }

  @Test
  void aNegativeAgeFromClockSkewCountsAsZero() {
    assertThat(priority(Tier.PROMOTIONAL, 0.5, Duration.ofMinutes(-5))).isEqualTo(priority(Tier.PROMOTIONAL, 0.5, Duration.ZERO));
  }
}
