package org.cordon.referral.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.CaseId;

/** Builders shared by the gateway tests. */
final class GatewayFixture {
  static final String SECRET = "range-secret-x";
  static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), 0.2);

  private GatewayFixture() {}

  /** Records the waits instead of sleeping. */
  static final class RecordingSleeper implements WebhookGateway.Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  static WebhookGateway gateway(URI base, String secret, RecordingSleeper sleeper) {
    WebhookConfig config = WebhookConfig.of(Platform.X, base, secret).withRetry(QUICK).withRequestTimeout(Duration.ofSeconds(5));
    return new WebhookGateway(config, HttpClient.newHttpClient(), Clock.systemUTC(), sleeper, new Random(7));
  }

  static Request.Referral referral(long id, String postId) {
    return referral(id, PostKey.of(Platform.X, postId), "https://x.example/post/" + postId);
  }

  static Request.Referral referral(long id, Subject subject, String url) {
    return new Request.Referral(new RequestId(id), new CaseId(id), Platform.X, subject, List.of(url), "glorifies",
        "referral-key-" + subject.id(), List.of(new StatusChange(RequestStatus.PENDING, java.time.Instant.EPOCH, "created")));
  }

  /** The request as the desk stores it after the platform acknowledged it. */
  static Request.Referral acknowledged(Request.Referral request, String detail) {
    List<StatusChange> history = new ArrayList<>(request.history());
    history.add(new StatusChange(RequestStatus.ACKNOWLEDGED, java.time.Instant.EPOCH, detail));
    return new Request.Referral(request.id(), request.caseId(), request.platform(), request.subject(), request.urls(),
        request.category(), request.idempotencyKey(), history);
  }
}
