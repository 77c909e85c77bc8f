package org.cordon.app.takedown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakedownPartsTest {
  @Test
  void theSimulatedClockMovesOnlyForward() {
    Instant start = Instant.parse("2014-09-01T00:00:00Z");
    SimulatedTime clock = new SimulatedTime(start);

    clock.advanceTo(start.plusSeconds(60));
    clock.advanceTo(start.plusSeconds(30));

    assertThat(clock.instant()).isEqualTo(start.plusSeconds(60));
  }

  @Test
  void percentilesAreNearestRank() {
    List<Duration> values = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(Duration::ofMinutes).toList();

    assertThat(Figures.percentile(values, 0.5)).contains(Duration.ofMinutes(10));
    assertThat(Figures.percentile(values, 0.95)).contains(Duration.ofMinutes(19));
    assertThat(Figures.percentile(List.of(Duration.ofMinutes(7)), 0.95)).contains(Duration.ofMinutes(7));
    assertThat(Figures.percentile(List.of(), 0.5)).isEmpty();
  }

  @Test
  void lognormalDrawsHaveTheirMedianAndParseFromMinutes() {
    long seed = new Random().nextLong();
    TakedownOptions.Lognormal lognormal = TakedownOptions.Lognormal.parseMinutes("3,0.6");
    Random random = new Random(seed);
    long below = java.util.stream.IntStream.range(0, 4000).filter(i -> lognormal.draw(random).compareTo(Duration.ofMinutes(3)) < 0).count();

    assertThat(lognormal.median()).isEqualTo(Duration.ofMinutes(3));
    assertThat(below).as("draws below the median, seed %d", seed).isBetween(1800L, 2200L);
    assertThat(TakedownOptions.Lognormal.parseMinutes("2,0").draw(random)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void theMeanDecisionTimeOfALognormalIsItsMedianTimesEToHalfSigmaSquaredAndMatchesItsDraws() {
    long seed = new Random().nextLong();
    TakedownOptions.Lognormal lognormal = TakedownOptions.Lognormal.parseMinutes("3,0.6");
    Random random = new Random(seed);
    double drawnMean = java.util.stream.IntStream.range(0, 20_000).mapToDouble(i -> lognormal.draw(random).toMillis() / 60_000.0).average().orElseThrow();

    assertThat(lognormal.meanMinutes()).isCloseTo(3 * Math.exp(0.18), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(drawnMean).as("seed %d", seed).isCloseTo(lognormal.meanMinutes(), org.assertj.core.data.Offset.offset(0.1));
    assertThat(TakedownOptions.Lognormal.parseMinutes("2,0").meanMinutes()).isEqualTo(2.0);
  }

  @Test
  void malformedDistributionsAndOptionsAreRefusedWithAReason() {
    assertThatThrownBy(() -> TakedownOptions.Lognormal.parseMinutes("3")).hasMessageContaining("median minutes,sigma");
    assertThatThrownBy(() -> TakedownOptions.Lognormal.parseMinutes("x,1")).hasMessageContaining("two numbers");
    assertThatThrownBy(() -> TakedownOptions.Lognormal.parseMinutes("3,9")).hasMessageContaining("sigma");
    assertThatThrownBy(() -> TakedownOptions.defaults(Path.of("w")).withDay(0)).hasMessageContaining("--day");
    assertThatThrownBy(() -> TakedownOptions.defaults(Path.of("w")).withHours(30)).hasMessageContaining("--hours");
    assertThatThrownBy(() -> TakedownOptions.defaults(Path.of("w")).withErrorRate(1.5)).hasMessageContaining("--error-rate");
  }

  @Test
  void replayIndexSkipsMalformedLinesAndRefusesPathsLeavingTheWorld(@TempDir Path world) throws IOException {
    Files.createDirectories(world.resolve("replay"));
    Files.writeString(world.resolve("data.jsonl"), "hello world");
    Files.writeString(world.resolve("replay/index.jsonl"), """
        {"at":"2014-09-01T00:00:02Z","format":"x-v2","path":"data.jsonl","offset":6,"length":5}
        {"at":"not a time","format":"x-v2","path":"data.jsonl","offset":0,"length":5}
        {broken
        {"at":"2014-09-01T00:00:01Z","format":"x-v2","path":"../outside","offset":0,"length":1}
        """);

    ReplayUnit.Index index = ReplayUnit.index(world);

    assertThat(index.skipped()).isEqualTo(2);
    assertThat(index.units()).extracting(ReplayUnit::path).containsExactly("../outside", "data.jsonl");
    assertThat(new String(index.units().get(1).bytes(world), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("world");
    assertThatThrownBy(() -> index.units().get(0).bytes(world)).hasMessageContaining("leaves the world");
  }

  @Test
  void contiguousLinesOfOneFileAreReadTogetherButOtherFilesAndGapsAreNot() {
    Instant at = Instant.parse("2014-09-01T00:00:00Z");
    List<ReplayUnit> units = List.of(
        new ReplayUnit(at, "x-v2", "x/v2/a.jsonl", 0, 10),
        new ReplayUnit(at.plusSeconds(1), "x-v2", "x/v2/a.jsonl", 11, 5), // after the newline
        new ReplayUnit(at.plusSeconds(2), "x-v2", "x/v2/a.jsonl", 30, 5), // a gap: another hour's line in between
        new ReplayUnit(at.plusSeconds(3), "mastodon", "m/00.json", 0, 100),
        new ReplayUnit(at.plusSeconds(4), "mastodon", "m/00.json", 101, 100)); // not line-delimited: never merged over a gap

    List<ReplayUnit> merged = DeskDay.mergedContiguous(units);

    assertThat(merged).extracting(ReplayUnit::offset).containsExactly(0L, 30L, 0L, 101L);
    assertThat(merged.getFirst().length()).isEqualTo(16);
    assertThat(merged.getFirst().at()).isEqualTo(at.plusSeconds(1));
  }
}
