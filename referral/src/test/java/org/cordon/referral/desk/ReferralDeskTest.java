package org.cordon.referral.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cordon.core.model.Platform;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.core.triage.Decision;
import org.junit.jupiter.api.Test;

class ReferralDeskTest {
  private final DeskFixture f = new DeskFixture();
  private final Actor alice = new Actor.Analyst("alice");
  private final Actor bob = new Actor.Analyst("bob");

  @Test
  void referRecordsTheDecisionAndCreatesOnePendingReferralWithThePostsUrl() {
    Case open = f.openCase("p1");

    Case decided = f.desk.decide(open.id(), new Decision.Refer("glorifies"), alice, "official release, known outlet");

    assertThat(decided.state()).isEqualTo(CaseState.REFERRED);
    assertThat(decided.decisions()).singleElement().satisfies(d -> {
      assertThat(d.actor()).isEqualTo(alice);
      assertThat(d.reason()).isEqualTo("official release, known outlet");
      assertThat(d.at()).isEqualTo(DeskFixture.START);
    });
    assertThat(f.requests.all()).singleElement().satisfies(r -> {
      assertThat(r).isInstanceOf(Request.Referral.class);
      assertThat(r.caseId()).isEqualTo(open.id());
      assertThat(r.platform()).isEqualTo(Platform.X);
      assertThat(r.subject()).isEqualTo(open.subject());
      assertThat(r.urls()).containsExactly("https://x.example/post/p1");
      assertThat(r.category()).isEqualTo("glorifies");
      assertThat(r.status()).isEqualTo(RequestStatus.PENDING);
      assertThat(r.idempotencyKey()).isEqualTo(ReferralDesk.idempotencyKey(Platform.X, open.subject(), "glorifies"));
    });
  }

  @Test
  void twoAnalystsReferringTheSameThingMakeOneRequest() {
    Case open = f.openCase("p1");

    f.desk.decide(open.id(), new Decision.Refer("glorifies"), alice, "official release");
    Case twice = f.desk.decide(open.id(), new Decision.Refer(" Glorifies "), bob, "same release, seen independently");

    assertThat(twice.decisions()).hasSize(2);
    assertThat(f.requests.all()).hasSize(1);
  }

  @Test
  void theIdempotencyKeyDependsOnPlatformSubjectAndCategoryOnly() {
    Case one = f.openCase("p1");
    Case two = f.openCase("p2");

    String key = ReferralDesk.idempotencyKey(Platform.X, one.subject(), "glorifies");

    assertThat(ReferralDesk.idempotencyKey(Platform.X, one.subject(), "GLORIFIES ")).isEqualTo(key);
    assertThat(ReferralDesk.idempotencyKey(Platform.X, one.subject(), "incites")).isNotEqualTo(key);
    assertThat(ReferralDesk.idempotencyKey(Platform.X, two.subject(), "glorifies")).isNotEqualTo(key);
    assertThat(key).matches("referral-[0-9a-f]{32}");
  }

  @Test
  void dismissRecordsTheDecisionAndCreatesNoRequest() {
    Case open = f.openCase("p1");

    Case decided = f.desk.decide(open.id(), new Decision.Dismiss(), alice, "journalist quoting the outlet");

    assertThat(decided.state()).isEqualTo(CaseState.DISMISSED);
    assertThat(f.requests.all()).isEmpty();
    assertThat(f.dispatcher.sendPending()).isZero();
    assertThat(f.gateway.sent()).isEmpty();
  }

  @Test
  void aDecisionWithoutAReasonIsRefusedAndNothingIsRecorded() {
    Case open = f.openCase("p1");

    assertThatThrownBy(() -> f.desk.decide(open.id(), new Decision.Refer("glorifies"), alice, "  \t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add one and resubmit");
    assertThatThrownBy(() -> f.desk.decide(open.id(), new Decision.Refer(" "), alice, "a reason"))
        .hasMessageContaining("category");

    assertThat(f.cases.find(open.id()).orElseThrow().decisions()).isEmpty();
    assertThat(f.cases.find(open.id()).orElseThrow().state()).isEqualTo(CaseState.OPEN);
    assertThat(f.requests.all()).isEmpty();
  }

  @Test
  void decidingAnUnknownCaseSaysWhichCase() {
    assertThatThrownBy(() -> f.desk.decide(new CaseId(99), new Decision.Dismiss(), alice, "reason"))
        .hasMessageContaining("no case 99");
  }
}
