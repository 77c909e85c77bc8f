package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.referral.desk.StatusTracker;
import org.cordon.referral.order.OrderParticulars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Removal orders as the desk issues them: the particulars of their Annex I form come from the
 * decisions behind them, their one-hour clock starts at the platform's confirmed receipt, and a
 * request no desk decision stands behind never goes out.
 */
class RemovalOrderTest {
  private static final Platform X = Platform.X;
  private static DeskFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new DeskFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private CaseId postCase() {
    String id = fixture.id("post");
    fixture.post(X, id, fixture.id("author"), "https://x.example/p/" + id, List.of(), "placeholder text");
    return fixture.openCase(new PostKey(X, id), Optional.of(Tier.OFFICIAL_PROPAGANDA), fixture.clock.instant());
  }

  /** Proposed by an analyst, approved by a supervisor: the order exists from the approval on. */
  private Request.RemovalOrder approvedOrder() {
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(postCase(), RequestType.REMOVAL_ORDER, Category.GLORIFIES, Optional.empty(), "release of the fictional outlet"));
    fixture.clock.advance(Duration.ofMinutes(3));
    Outcome approved = fixture.desk.decisions().approve(DeskUser.supervisor("sue"), proposal.decision().id(), "checked the release");
    return (Request.RemovalOrder) approved.request().orElseThrow();
  }

  @Test
  void anOrdersParticularsNameItsDecisionsAndItsTimeOfIssue() {
    Instant approvedAt = fixture.clock.instant().plus(Duration.ofMinutes(3));
    Request.RemovalOrder order = approvedOrder();
    fixture.clock.advance(Duration.ofMinutes(10));

    OrderParticulars particulars = fixture.desk.decisions().orderParticulars(order);

    assertThat(particulars.issuedAt()).as("issued when it cleared four-eyes, not when it is sent").isEqualTo(approvedAt);
    assertThat(order.reference()).as("the reference is the request's number").isEqualTo("CORDON-" + order.id().value());
    assertThat(particulars.reasons()).contains("glorifies").contains("ana: release of the fictional outlet").contains("Approved by sue: checked the release");
    assertThat(particulars.contentInformation()).contains("case " + order.caseId().value()).contains(order.subject().id());
    assertThat(fixture.desk.decisions().orderParticulars(order)).as("the same order, the same form").isEqualTo(particulars);
  }

  @Test
  void theOneHourClockStartsAtConfirmedReceiptNotAtIssueOrSending() {
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    Request.RemovalOrder order = approvedOrder();
    fixture.clock.advance(Duration.ofHours(2));
    OrderClock unsent = fixture.desk.orderClocks().of(order.id()).orElseThrow();
    assertThat(unsent.receivedAt()).isEmpty();
    assertThat(unsent.overdue()).as("no receipt, no clock").isFalse();

    Instant received = fixture.clock.instant();
    fixture.dispatcher(gateway).sendPending();
    OrderClock running = fixture.desk.orderClocks().of(order.id()).orElseThrow();
    assertThat(running.receivedAt()).contains(received);
    assertThat(running.dueBy()).contains(received.plus(Duration.ofHours(1)));

    fixture.clock.advance(Duration.ofMinutes(59));
    assertThat(fixture.desk.orderClocks().of(order.id()).orElseThrow().overdue()).isFalse();
    fixture.clock.advance(Duration.ofMinutes(2));
    assertThat(fixture.desk.orderClocks().of(order.id()).orElseThrow().overdue()).isTrue();
    assertThat(fixture.desk.orderClocks().open(1000)).anySatisfy(c -> {
      assertThat(c.id()).isEqualTo(order.id());
      assertThat(c.overdue()).isTrue();
    });
  }

  @Test
  void anOrderRemovedWithinTheHourMetItsClock() {
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    Request.RemovalOrder order = approvedOrder();
    fixture.dispatcher(gateway).sendPending();
    fixture.clock.advance(Duration.ofMinutes(40));
    gateway.nextPollAnswer = Optional.of(RequestStatus.REMOVED);
    new StatusTracker(fixture.desk.requests(), Map.of(X, gateway)).pollOpen();
    fixture.clock.advance(Duration.ofHours(3));

    OrderClock done = fixture.desk.orderClocks().of(order.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RequestStatus.REMOVED);
    assertThat(done.removedAt()).isPresent();
    assertThat(done.overdue()).isFalse();
    assertThat(fixture.desk.orderClocks().open(1000)).noneMatch(c -> c.id().equals(order.id()));
  }

  @Test
  void aReceiptConfirmedLaterByPollingStartsTheClockThen() {
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    gateway.withoutReceipt = true;
    Request.RemovalOrder order = approvedOrder();
    fixture.dispatcher(gateway).sendPending();
    assertThat(fixture.desk.requests().find(order.id()).orElseThrow().status()).as("delivered, not received").isEqualTo(RequestStatus.SENT);
    fixture.clock.advance(Duration.ofMinutes(30));
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries.stream().filter(r -> r.id().equals(order.id()))).as("a delivered order is not re-sent as stale").hasSize(1);

    Instant receipt = fixture.clock.instant();
    gateway.nextPollAnswer = Optional.of(RequestStatus.ACKNOWLEDGED);
    new StatusTracker(fixture.desk.requests(), Map.of(X, gateway)).pollOpen();
    gateway.nextPollAnswer = Optional.empty();

    assertThat(fixture.desk.orderClocks().of(order.id()).orElseThrow().receivedAt()).contains(receipt);
  }

  @Test
  void aRequestNoDeskDecisionStandsBehindNeverGoesOutEvenWithAnOldStyleReferDecision() {
    CaseId kase = postCase();
    fixture.sql("INSERT INTO decisions (case_id, kind, category, actor, reason, decided_at, new_state) VALUES (?, 'refer', 'incites', 'analyst:eve', 'old desk', now(), 'REFERRED')",
        kase.value());
    fixture.sql("""
        INSERT INTO requests (type, platform, case_id, subject_kind, subject_platform, subject_id, urls, category, idempotency_key, status, created_at)
        SELECT 'referral', platform, id, subject_kind, platform, subject_id, '{}', 'incites', 'old-style-' || id, 'PENDING', now() FROM cases WHERE id = ?""",
        kase.value());

    assertThat(fixture.desk.requests().withStatus(RequestStatus.PENDING, 10_000)).noneMatch(r -> r.caseId().equals(kase));
    StatusChange sent = new StatusChange(RequestStatus.SENT, fixture.clock.instant(), "forced");
    org.cordon.core.request.RequestId requestId = new org.cordon.core.request.RequestId(
        fixture.query("SELECT id FROM requests WHERE idempotency_key = ?", "old-style-" + kase.value()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.desk.requests().appendStatus(requestId, sent))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("may not go out");
  }
}
