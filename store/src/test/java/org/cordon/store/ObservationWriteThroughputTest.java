package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.cordon.core.model.Platform;
import org.junit.jupiter.api.Test;

/** Prints the write rate (see target/surefire-reports); asserts only that every post was stored. */
class ObservationWriteThroughputTest extends DatabaseTestBase {

  @Test
  void writesTwentyBatchesOfAThousandPostsAndPrintsTheRate() throws Exception {
    Platform platform = SharedDatabase.freshPlatform();

    double rate = ObservationWriteBenchmark.run(stores.observations(), 20, platform, 1);

    System.out.printf("observation write rate: %,.0f posts/s (batches of %d)%n", rate, ObservationWriteBenchmark.BATCH);
    assertThat(count("SELECT count(*) FROM posts WHERE platform = ?", platform.name())).isEqualTo(21 * ObservationWriteBenchmark.BATCH);
  }
}
