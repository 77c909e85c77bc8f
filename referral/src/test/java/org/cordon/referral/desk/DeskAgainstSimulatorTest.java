package org.cordon.referral.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.Decision;
import org.cordon.referral.gateway.WebhookConfig;
import org.cordon.referral.gateway.WebhookGateway;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

/** Decide, dispatch and track against the platform simulator, through the webhook gateway. */
class DeskAgainstSimulatorTest {
  @Test
  void aReferredPostIsSentOnceAcknowledgedAndFinallyRemoved() throws Exception {
    SimulatorConfig config = SimulatorConfig.builder()
        .secret("x", "shared")
        .speed(6000)
        .faults(SimulatorConfig.Faults.failFirst(1))
        .defaultBehaviour(new SimulatorConfig.Behaviour(1.0, Duration.ofMinutes(1), 0))
        .build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      Clock clock = Clock.systemUTC();
      InMemoryCaseStore cases = new InMemoryCaseStore();
      InMemoryRequestStore requests = new InMemoryRequestStore(clock);
      // No real waits between retries: the injected 503 asks for Retry-After: 1 s.
      PlatformGateway gateway = new WebhookGateway(WebhookConfig.of(Platform.X, simulator.baseUri(), "shared"),
          java.net.http.HttpClient.newHttpClient(), clock, wait -> { }, new java.util.Random(1));
      ReferralDesk desk = new ReferralDesk(cases, requests, s -> List.of("https://x.example/post/" + s.id()), clock);
      Dispatcher dispatcher = new Dispatcher(requests, Map.of(Platform.X, gateway), clock);
      StatusTracker tracker = new StatusTracker(requests, Map.of(Platform.X, gateway));
      Case open = cases.openOrUpdate(new Assessment(PostKey.of(Platform.X, "p1"), 0.9, true, Optional.of(Tier.OFFICIAL_PROPAGANDA),
          List.of(), "placeholder release", clock.instant()), 25, clock.instant());

      desk.decide(open.id(), new Decision.Refer("glorifies"), new Actor.Analyst("alice"), "official release");
      desk.decide(open.id(), new Decision.Refer("glorifies"), new Actor.Analyst("bob"), "seen it too");
      assertThat(dispatcher.sendPending()).isEqualTo(1);
      assertThat(dispatcher.sendPending()).isZero();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (tracker.pollOpen() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      Request request = requests.all().getFirst();
      assertThat(requests.all()).hasSize(1);
      assertThat(request.history()).extracting(StatusChange::status)
          .containsExactly(RequestStatus.PENDING, RequestStatus.SENT, RequestStatus.ACKNOWLEDGED, RequestStatus.REMOVED);
      assertThat(WebhookGateway.platformReference(request)).hasValueSatisfying(ref -> assertThat(ref).startsWith("PR-"));
    }
  }
}
