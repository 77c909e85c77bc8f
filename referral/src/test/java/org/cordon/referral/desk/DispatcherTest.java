package org.cordon.referral.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.cordon.core.model.Platform;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.Decision;
import org.cordon.referral.gateway.WebhookGateway;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final DeskFixture f = new DeskFixture();
  private final Actor alice = new Actor.Analyst("alice");

  private Request refer(String postId) {
    Case open = f.openCase(postId);
    f.desk.decide(open.id(), new Decision.Refer("glorifies"), alice, "official release");
    return f.requests.all().getLast();
  }

  private Request stored(Request request) {
    return f.requests.find(request.id()).orElseThrow();
  }

  @Test
  void aReferralIsSentOnceEvenWhenTheDispatcherRunsTwice() {
    Request request = refer("p1");

    int first = f.dispatcher.sendPending();
    int second = f.dispatcher.sendPending();

    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(f.gateway.sent()).hasSize(1);
    assertThat(stored(request).history()).extracting(StatusChange::status)
        .containsExactly(RequestStatus.PENDING, RequestStatus.SENT, RequestStatus.ACKNOWLEDGED);
    assertThat(WebhookGateway.platformReference(stored(request))).contains("REF-" + request.id());
  }

  @Test
  void aFailedSendStaysRetryableWithItsReasonAndGoesOutOnTheNextRun() {
    f.gateway.failingSends("platform x unreachable: connection refused");
    Request request = refer("p1");

    f.dispatcher.sendPending();

    Request afterFailure = stored(request);
    assertThat(afterFailure.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(afterFailure.history().getLast().detail()).contains("will retry", "connection refused");

    f.dispatcher.sendPending();

    assertThat(f.gateway.sent()).hasSize(2);
    assertThat(stored(request).status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
  }

  @Test
  void aRequestThatFailsEveryRunIsFailedAfterTheLastRun() {
    Dispatcher dispatcher = new Dispatcher(f.requests, Map.of(Platform.X, f.gateway), f.clock, 3, Duration.ofMinutes(5), 100);
    f.gateway.failingSends("down", "down", "down", "down");
    Request request = refer("p1");

    for (int run = 0; run < 5; run++) {
      dispatcher.sendPending();
    }

    assertThat(f.gateway.sent()).hasSize(3);
    assertThat(stored(request).status()).isEqualTo(RequestStatus.FAILED);
    assertThat(stored(request).history().getLast().detail()).contains("gave up after 3 send runs");
  }

  @Test
  void aPlatformsRefusalIsRecordedAsRejected() {
    f.gateway.rejectingSends();
    Request request = refer("p1");

    f.dispatcher.sendPending();

    assertThat(stored(request).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(stored(request).history().getLast().detail()).contains("HTTP 400");
  }

  @Test
  void aRequestForAPlatformWithoutGatewayWaits() {
    Dispatcher dispatcher = new Dispatcher(f.requests, Map.of(), f.clock);
    Request request = refer("p1");

    assertThat(dispatcher.sendPending()).isZero();
    assertThat(stored(request).status()).isEqualTo(RequestStatus.PENDING);
  }

  @Test
  void aRequestLeftSentByACrashIsSentAgainOnceStale() {
    Request request = refer("p1");
    f.requests.appendStatus(request.id(), new StatusChange(RequestStatus.SENT, f.clock.instant(), "send run 1 of 5"));

    assertThat(f.dispatcher.sendPending()).isZero();
    f.clock.advance(Duration.ofMinutes(6));
    assertThat(f.dispatcher.sendPending()).isEqualTo(1);

    assertThat(stored(request).status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(f.gateway.sent()).hasSize(1);
  }
}
