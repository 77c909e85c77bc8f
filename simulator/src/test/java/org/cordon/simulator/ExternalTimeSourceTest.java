package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExternalTimeSourceTest {
  private static final String SECRET = "range-secret";

  @Test
  void timeStandsStillUntilTheDriverMovesItAndOutcomesFollowTheDriversClock() throws Exception {
    Instant start = Instant.parse("2014-09-03T10:00:00Z");
    AtomicReference<Instant> now = new AtomicReference<>(start);
    SimulatorConfig config = SimulatorConfig.builder().secret("x", SECRET).timeSource(now::get)
        .defaultBehaviour(new SimulatorConfig.Behaviour(1.0, Duration.ofMinutes(30), 0)).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      String url = "https://x.example/p/7";

      SimulatorClient.Answer ack = client.post("x", SECRET, "key-7",
          SimulatorClient.referral("x", "post", "7", url).getBytes(StandardCharsets.UTF_8));
      String reference = ack.body().get("platform_reference").stringValue();
      Thread.sleep(50); // real time passing must not move simulated time
      now.set(start.plus(Duration.ofMinutes(29)));
      String before = client.get("platforms/x/requests/" + reference).body().get("status").stringValue();
      now.set(start.plus(Duration.ofMinutes(30)));
      SimulatorClient.Answer after = client.get("platforms/x/requests/" + reference);

      assertThat(Instant.parse(ack.body().get("received_at").stringValue())).isEqualTo(start);
      assertThat(before).isEqualTo("acknowledged");
      assertThat(after.body().get("status").stringValue()).isEqualTo("removed");
      assertThat(Instant.parse(after.body().get("removed_at").stringValue())).isEqualTo(start.plus(Duration.ofMinutes(30)));
      assertThat(simulator.simulatedNow()).isEqualTo(start.plus(Duration.ofMinutes(30)));
      assertThat(simulator.receivedRequests()).singleElement().satisfies(r -> {
        assertThat(r.idempotencyKey()).isEqualTo("key-7");
        assertThat(r.subjectId()).isEqualTo("7");
        assertThat(r.urls()).containsExactly(url);
        assertThat(r.receivedAt()).isEqualTo(start);
      });
    }
  }

  @Test
  void withoutATimeSourceTheSimulatorKeepsRunningAtItsSpeed() throws Exception {
    Instant start = Instant.parse("2014-09-03T10:00:00Z");
    SimulatorConfig config = SimulatorConfig.builder().secret("x", SECRET).speed(6000).simulatedStart(start).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      Thread.sleep(20);
      assertThat(config.timeSource()).isEmpty();
      assertThat(simulator.simulatedNow()).isAfter(start.plusSeconds(60));
    }
  }
}
