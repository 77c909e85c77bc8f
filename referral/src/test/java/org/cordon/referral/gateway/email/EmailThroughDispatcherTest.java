package org.cordon.referral.gateway.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.CaseId;
import org.cordon.referral.desk.Dispatcher;
import org.cordon.referral.gateway.RetryPolicy;
import org.cordon.referral.order.AnnexIForms;
import org.junit.jupiter.api.Test;

/** The desk's dispatcher sending through the e-mail gateway: a failed run and a later one make one request at the platform. */
class EmailThroughDispatcherTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T09:30:00Z"), ZoneOffset.UTC);

  @Test
  void aRunThatFailsAndALaterRunThatSucceedsDeliverTheOrderOnceAndRecordTheReceipt() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    EmailConfig config = EmailConfig.of(Platform.X, "127.0.0.1", port, "iru@ird.example", "tco-contact@microblog.example", "ird.example")
        .withRetry(new RetryPolicy(2, Duration.ZERO, 1.0, Duration.ZERO, 0)).withTimeout(Duration.ofSeconds(5));
    EmailGateway gateway = new EmailGateway(config, o -> AnnexIForms.complete(o.reference(), o.urls()), CLOCK, wait -> { }, new Random(3));
    RecordingRequestStore store = new RecordingRequestStore();
    Request.RemovalOrder order = new Request.RemovalOrder(new RequestId(1), new CaseId(1), Platform.X,
        AccountKey.of(Platform.X, "acct-9"), List.of("https://x.example/post/1001"), "incites", "order-key-501",
        List.of(new StatusChange(RequestStatus.PENDING, CLOCK.instant(), "created")), "Internet Referral Desk Testland", "NL-IRU-2026-000501");
    store.create(order);
    Dispatcher dispatcher = new Dispatcher(store, Map.of(Platform.X, gateway), CLOCK);

    dispatcher.sendPending();
    assertThat(store.find(order.id()).orElseThrow().status()).as("the server was down: waiting for the next run").isEqualTo(RequestStatus.PENDING);

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      dispatcher.sendPending();
      dispatcher.sendPending();

      Request stored = store.find(order.id()).orElseThrow();
      assertThat(stored.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
      assertThat(stored.history().getLast().detail()).contains(EmailGateway.messageId(order, "ird.example"));
      assertThat(server.getReceivedMessages()).as("one e-mail: an acknowledged request is not sent again").hasSize(1);
    } finally {
      server.stop();
    }
  }
}
