package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

  @Test
  void aKeyIsRememberedForAtLeastAGenerationOfLaterKeysAndTheMemoryStaysWithinTwo() {
    RecentKeys<Integer> keys = new RecentKeys<>(100);
    keys.addAll(List.of(-1));
    keys.addAll(IntStream.range(0, 99).boxed().toList());
    assertThat(keys.contains(-1)).as("99 keys later").isTrue();

    keys.addAll(IntStream.range(100, 199).boxed().toList());
    assertThat(keys.contains(-1)).as("in the older generation, 198 keys later").isTrue();
    assertThat(keys.size()).isLessThanOrEqualTo(200);

    keys.addAll(IntStream.range(200, 300).boxed().toList());
    assertThat(keys.contains(-1)).as("two generations later, forgotten").isFalse();
    assertThat(keys.contains(250)).isTrue();
    assertThat(keys.size()).isLessThanOrEqualTo(200);
  }

  @Test
  void aKeySeenAgainIsCarriedIntoTheNewerGeneration() {
    RecentKeys<Integer> keys = new RecentKeys<>(10);
    keys.addAll(List.of(7));
    keys.addAll(IntStream.range(100, 109).boxed().toList()); // fills the first generation
    keys.addAll(List.of(200, 7)); // a new generation: 7 again
    keys.addAll(IntStream.range(300, 308).boxed().toList()); // fills it
    keys.addAll(List.of(400)); // and another: the first generation is gone
    assertThat(keys.contains(100)).isFalse();
    assertThat(keys.contains(7)).as("seen again, so in the generation kept").isTrue();
  }

  @Test
  void aGenerationHoldsAtLeastOneKey() {
    assertThatThrownBy(() -> new RecentKeys<>(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
