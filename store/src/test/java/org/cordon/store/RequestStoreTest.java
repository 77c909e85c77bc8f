package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.Case;
import org.junit.jupiter.api.Test;

class RequestStoreTest extends DatabaseTestBase {
  private static final RequestId IGNORED = new RequestId(1);

  private Case openCase(Platform platform) {
    return stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "p"), 0.9, Fixtures.T0), 1, Fixtures.T0);
  }

  private Request.Referral referral(Case c, String key) {
    return new Request.Referral(IGNORED, c.id(), c.subject().platform(), c.subject(), List.of("https://example.test/p", "https://example.test/p?alt"),
        "glorifies", key, List.of());
  }

  @Test
  void aReferralIsCreatedPendingAndReadsBack() {
    Platform platform = SharedDatabase.freshPlatform();
    Case c = openCase(platform);

    Request created = stores.requests().create(referral(c, "key-" + platform));

    assertThat(created).isInstanceOf(Request.Referral.class);
    assertThat(created.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(created.history()).hasSize(1);
    assertThat(created.urls()).containsExactly("https://example.test/p", "https://example.test/p?alt");
    assertThat(created.subject()).isEqualTo(c.subject());
    assertThat(stores.requests().find(created.id())).contains(created);
  }

  @Test
  void aRemovalOrderKeepsItsAuthorityAndReference() {
    Platform platform = SharedDatabase.freshPlatform();
    Case c = openCase(platform);
    var order = new Request.RemovalOrder(IGNORED, c.id(), platform, c.subject(), List.of("https://example.test/p"), "incites",
        "order-" + platform, List.of(), "Fictional National Unit", "RO-2026-0042");

    Request created = stores.requests().create(order);

    assertThat(created).isInstanceOfSatisfying(Request.RemovalOrder.class, o -> {
      assertThat(o.issuingAuthority()).isEqualTo("Fictional National Unit");
      assertThat(o.reference()).isEqualTo("RO-2026-0042");
    });
    assertThat(stores.requests().find(created.id())).contains(created);
  }

  @Test
  void creatingWithAKnownIdempotencyKeyReturnsTheFirstRequest() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Case c = openCase(platform);
    Request first = stores.requests().create(referral(c, "same-" + platform));
    stores.requests().appendStatus(first.id(), new StatusChange(RequestStatus.SENT, Fixtures.T0, "sent"));

    Request again = stores.requests().create(referral(c, "same-" + platform));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.status()).isEqualTo(RequestStatus.SENT);
    assertThat(count("SELECT count(*) FROM requests WHERE idempotency_key = ?", "same-" + platform)).isEqualTo(1);
  }

  @Test
  void statusChangesAppendToTheHistoryAndFindRequestsByStatus() {
    Platform platform = SharedDatabase.freshPlatform();
    Case c = openCase(platform);
    Request created = stores.requests().create(referral(c, "status-" + platform));
    StatusChange sent = new StatusChange(RequestStatus.SENT, Fixtures.T0.plusSeconds(1), "handed to the gateway");
    StatusChange acknowledged = new StatusChange(RequestStatus.ACKNOWLEDGED, Fixtures.T0.plusSeconds(2), "platform ref T-1");

    stores.requests().appendStatus(created.id(), sent);
    Request now = stores.requests().appendStatus(created.id(), acknowledged);

    assertThat(now.history()).hasSize(3).endsWith(sent, acknowledged);
    assertThat(now.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(stores.requests().withStatus(RequestStatus.ACKNOWLEDGED, 100_000)).extracting(Request::id).contains(created.id());
    assertThat(stores.requests().withStatus(RequestStatus.PENDING, 100_000)).extracting(Request::id).doesNotContain(created.id());
  }

  @Test
  void statusOfAnUnknownRequestIsRefused() {
    assertThatThrownBy(() -> stores.requests().appendStatus(new RequestId(Long.MAX_VALUE), new StatusChange(RequestStatus.SENT, Fixtures.T0, "x")))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void theStatusHistoryCannotBeRewritten() {
    Platform platform = SharedDatabase.freshPlatform();
    Request created = stores.requests().create(referral(openCase(platform), "history-" + platform));

    assertThatThrownBy(() -> execute("UPDATE request_status_history SET status = 'REMOVED' WHERE request_id = " + created.id().value()))
        .hasMessageContaining("append-only");
  }
}
