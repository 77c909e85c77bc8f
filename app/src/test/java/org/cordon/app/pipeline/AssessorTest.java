package org.cordon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;

class AssessorTest {
  private static final PostKey POST = PostKey.of(Platform.X, "1");
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static Signal signal(String kind, double strength, Optional<Tier> tier) {
    return new Signal(POST, kind, strength, tier, "because " + kind, Map.of());
  }

  @Test
  void independentSignalsAddUpAsProbabilitiesAndFlagAtTheThreshold() {
    Assessor assessor = new Assessor(0.5);

    Assessment two = assessor.assess(POST, List.of(signal("lexicon", 0.3, Optional.empty()), signal("classifier", 0.3, Optional.empty())), NOW);
    Assessment three = assessor.assess(POST, List.of(signal("a", 0.3, Optional.empty()), signal("b", 0.3, Optional.empty()),
        signal("c", 0.3, Optional.of(Tier.PROMOTIONAL))), NOW);

    assertThat(two.score()).isCloseTo(0.51, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(two.flagged()).isTrue();
    assertThat(assessor.assess(POST, List.of(signal("a", 0.49, Optional.empty())), NOW).flagged()).isFalse();
    assertThat(three.score()).isLessThan(1).isGreaterThan(two.score());
    assertThat(three.tier()).contains(Tier.PROMOTIONAL);
  }

  @Test
  void noSignalIsSaidSoAndAnUnflaggedPostHasNoTier() {
    Assessment none = new Assessor(0.5).assess(POST, List.of(), NOW);
    Assessment weak = new Assessor(0.5).assess(POST, List.of(signal("a", 0.1, Optional.of(Tier.THREAT_TO_LIFE))), NOW);

    assertThat(none.score()).isZero();
    assertThat(none.explanation()).isEqualTo("no signal");
    assertThat(weak.tier()).isEmpty();
  }

  @Test
  void theExplanationNamesTheThreeStrongestInTheOrderAStableSortGives() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 2_000; round++) {
      List<Signal> signals = new ArrayList<>();
      int n = random.nextInt(7);
      for (int i = 0; i < n; i++) {
        // Few distinct strengths, so that ties are common.
        signals.add(signal("k" + i, random.nextInt(5) / 4.0, Optional.empty()));
      }
      String expected = signals.stream().sorted(Comparator.comparingDouble(Signal::strength).reversed()).limit(3)
          .map(s -> s.kind() + ' ' + String.format(Locale.ROOT, "%.2f", s.strength()) + ": " + s.reason())
          .collect(Collectors.joining("; "));

      assertThat(Assessor.strongestFirst(signals, 3)).as("seed %d, round %d", seed, round).isEqualTo(expected);
    }
  }

  @Test
  void aThresholdOutsideTheUnitIntervalIsRefused() {
    assertThatThrownBy(() -> new Assessor(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Assessor(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
