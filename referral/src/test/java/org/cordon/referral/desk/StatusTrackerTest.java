package org.cordon.referral.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.Decision;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {
  private final DeskFixture f = new DeskFixture();

  private Request referAndSend(String postId) {
    Case open = f.openCase(postId);
    f.desk.decide(open.id(), new Decision.Refer("glorifies"), new Actor.Analyst("alice"), "official release");
    f.dispatcher.sendPending();
    return f.requests.all().getLast();
  }

  private RequestStatus statusOf(Request request) {
    return f.requests.find(request.id()).orElseThrow().status();
  }

  @Test
  void aRemovalThePlatformReportsIsRecordedOnce() {
    Request request = referAndSend("p1");
    f.gateway.answeringPolls(RequestStatus.REMOVED, "removed by the platform");

    assertThat(f.tracker.pollOpen()).isEqualTo(1);
    assertThat(f.tracker.pollOpen()).isZero();

    assertThat(statusOf(request)).isEqualTo(RequestStatus.REMOVED);
    assertThat(f.gateway.polled()).hasSize(1);
  }

  @Test
  void aRejectionIsRecordedWithThePlatformsReason() {
    Request request = referAndSend("p1");
    f.gateway.answeringPolls(RequestStatus.REJECTED, "rejected by the platform: does not violate our terms of service");

    f.tracker.pollOpen();

    Request after = f.requests.find(request.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(after.history().getLast().detail()).contains("does not violate");
  }

  @Test
  void aStillAcknowledgedRequestIsLeftAndAskedAgainLater() {
    Request request = referAndSend("p1");
    f.gateway.answeringPolls(RequestStatus.ACKNOWLEDGED, "platform_reference=REF-1");

    assertThat(f.tracker.pollOpen()).isZero();
    assertThat(f.tracker.pollOpen()).isZero();

    assertThat(statusOf(request)).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(f.gateway.polled()).hasSize(2);
  }

  @Test
  void anUnreachablePlatformIsAskedAgainOnTheNextRun() {
    Request request = referAndSend("p1");
    f.gateway.failingPolls(true);

    assertThat(f.tracker.pollOpen()).isZero();
    f.gateway.failingPolls(false).answeringPolls(RequestStatus.REMOVED, "removed by the platform");
    assertThat(f.tracker.pollOpen()).isEqualTo(1);

    assertThat(statusOf(request)).isEqualTo(RequestStatus.REMOVED);
  }

  @Test
  void requestsNotYetAcknowledgedAreNotPolled() {
    f.gateway.failingSends("down");
    referAndSend("p1");

    assertThat(f.tracker.pollOpen()).isZero();
    assertThat(f.gateway.polled()).isEmpty();
  }
}
