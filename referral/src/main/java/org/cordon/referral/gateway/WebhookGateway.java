package org.cordon.referral.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cordon.core.model.Platform;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.FieldProblem;
import org.cordon.referral.order.OrderTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends referrals and removal orders to a platform's webhook and asks it how they stand.
 *
 * <h2>Wire format</h2>
 *
 * {@code POST {base}platforms/{platform}/requests} with a JSON body (UTF-8, field order fixed):
 * {@code request_type} ("referral" | "removal_order"), {@code cordon_request_id} (string),
 * {@code case_id} (string), {@code subject} {{@code kind} ("post" | "account"), {@code platform},
 * {@code id}}, {@code urls} (array of strings), {@code category}, for a removal order {@code
 * issuing_authority} and {@code reference}, then {@code sent_at} (ISO-8601, set once per
 * {@link #send} so every retry carries the same bytes). Headers: {@code Content-Type:
 * application/json}, {@code Idempotency-Key: <request.idempotencyKey()>}, {@code
 * X-Cordon-Timestamp: <epoch seconds, fresh per attempt>}, {@code X-Cordon-Signature:
 * v1=<lowercase hex HMAC-SHA256(secret, timestamp + "." + body)>}. The platform answers 202 (or 200
 * for a repeated idempotency key) {@code {platform_reference, status: "acknowledged",
 * received_at}}.
 *
 * <p>{@code GET {base}platforms/{platform}/requests/{platform_reference}} answers {@code {status:
 * acknowledged|removed|rejected, removed_at?, rejected_at?, reason?}}; it carries the same
 * signature headers, computed over an empty body.
 *
 * <h2>Failures</h2>
 *
 * 5xx, 408, 425, 429, connection failures and timeouts are retried under the {@link RetryPolicy}
 * (a {@code Retry-After} in seconds lengthens the wait, up to the policy's maximum). 401, 403 and
 * 404 mean the gateway is misconfigured (secret, clock, base URI): {@link GatewayException}, so the
 * request stays unsent and goes out once the configuration is fixed. Any other 4xx means the
 * platform refused this request as it is, and re-sending the same bytes cannot help: the answer is
 * {@link RequestStatus#REJECTED} with the platform's reason.
 *
 * <h2>Platform reference</h2>
 *
 * Core's {@link Request} has no field for the platform's reference, so the ACKNOWLEDGED answer's
 * detail is exactly {@code platform_reference=<reference>}; the desk stores it as the detail of the
 * ACKNOWLEDGED {@link StatusChange}, and {@link #poll} reads it back from the history.
 */
public final class WebhookGateway implements PlatformGateway {
  /** How the gateway waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final String REFERENCE_PREFIX = "platform_reference=";
  private static final Pattern REFERENCE_IN_DETAIL = Pattern.compile("(?:^|[\\s;,])platform_reference=([^\\s;,]+)");
  private static final int MAX_ANSWER_CHARS = 300;

  private final WebhookConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final RequestSigner signer;
  private final JsonMapper json = JsonMapper.builder().build();
  /** Completes a removal order's Annex I form; without it, orders go out with their core fields only. */
  private final Optional<Function<Request.RemovalOrder, AnnexIForm>> forms;

  public WebhookGateway(WebhookConfig config, HttpClient http, Clock clock, Sleeper sleeper, RandomGenerator random) {
    this(config, http, clock, sleeper, random, Optional.empty());
  }

  /**
   * @param forms the Annex I form of each removal order: when given, the body carries every field of
   *     the form under {@code annex_i}, and an order whose form is incomplete is not sent
   */
  public WebhookGateway(WebhookConfig config, HttpClient http, Clock clock, Sleeper sleeper, RandomGenerator random,
      Optional<Function<Request.RemovalOrder, AnnexIForm>> forms) {
    this.forms = Objects.requireNonNull(forms, "forms");
    this.config = Objects.requireNonNull(config, "config");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.signer = new RequestSigner(config.secret());
  }

  /** A gateway on the system clock, sleeping for real between attempts. */
  public static WebhookGateway create(WebhookConfig config) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    return new WebhookGateway(config, http, Clock.systemUTC(), Thread::sleep, RandomGenerator.getDefault());
  }

  /** As {@link #create(WebhookConfig)}, and removal orders carry their complete Annex I form. */
  public static WebhookGateway create(WebhookConfig config, Function<Request.RemovalOrder, AnnexIForm> forms) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    return new WebhookGateway(config, http, Clock.systemUTC(), Thread::sleep, RandomGenerator.getDefault(), Optional.of(forms));
  }

  /** The detail of an ACKNOWLEDGED answer: {@code platform_reference=<reference>}. */
  public static String referenceDetail(String platformReference) {
    return REFERENCE_PREFIX + platformReference;
  }

  /** The platform's reference for a request, read from the details of its history, newest first. */
  public static Optional<String> platformReference(Request request) {
    for (StatusChange change : request.history().reversed()) {
      Matcher m = REFERENCE_IN_DETAIL.matcher(change.detail());
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  @Override
  public Platform platform() {
    return config.platform();
  }

  /**
   * The platform's base URI: requests go to {@code platforms/{platform}/requests} under it, and a
   * platform speaking this protocol answers username lookups at {@code platforms/{platform}/accounts}.
   */
  public URI baseUri() {
    return config.baseUri();
  }

  @Override
  public PlatformAnswer send(Request request) throws GatewayException {
    checkPlatform(request);
    String what = request.type() + " " + request.id() + " to " + config.platform();
    Optional<AnnexIForm> form = switch (request) {
      case Request.Referral referral -> Optional.empty();
      case Request.RemovalOrder order -> forms.isEmpty() ? Optional.empty() : Optional.of(checkedForm(what, order));
    };
    byte[] body = RequestJson.render(json, request, form, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    URI target = config.baseUri().resolve("platforms/" + config.platform().name() + "/requests");
    HttpResponse<String> response = exchange(what, target, body, Optional.of(request.idempotencyKey()));
    int status = response.statusCode();
    if (status == 200 || status == 202) {
      JsonNode answer = parse(what, response);
      String reference = text(answer, "platform_reference")
          .orElseThrow(() -> new GatewayException(what + ": the platform acknowledged without a platform_reference: "
              + abbreviate(response.body()) + "; sending again is safe (same idempotency key)"));
      Instant at = instant(answer, "received_at").orElseGet(clock::instant);
      return new PlatformAnswer(RequestStatus.ACKNOWLEDGED, at, Optional.of(reference), referenceDetail(reference));
    }
    if (status / 100 == 2) {
      throw new GatewayException(what + ": unexpected HTTP " + status + " from the platform: " + abbreviate(response.body()));
    }
    return new PlatformAnswer(RequestStatus.REJECTED, clock.instant(), Optional.empty(),
        "platform refused the request (HTTP " + status + "): " + platformError(response));
  }

  @Override
  public Optional<PlatformAnswer> poll(Request request) throws GatewayException {
    checkPlatform(request);
    String what = request.type() + " " + request.id() + " at " + config.platform();
    String reference = platformReference(request).orElseThrow(() -> new GatewayException(
        what + " has no platform reference in its history (no '" + REFERENCE_PREFIX + "…' detail): it was never acknowledged, so send it first"));
    URI target = config.baseUri().resolve("platforms/" + config.platform().name() + "/requests/"
        + URLEncoder.encode(reference, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpResponse<String> response = exchange(what, target, null, Optional.empty());
    if (response.statusCode() != 200) {
      throw new GatewayException(what + ": the platform answered HTTP " + response.statusCode() + " for reference "
          + reference + ": " + platformError(response));
    }
    JsonNode answer = parse(what, response);
    String status = text(answer, "status").orElse("");
    return Optional.of(switch (status) {
      case "acknowledged" -> new PlatformAnswer(RequestStatus.ACKNOWLEDGED,
          instant(answer, "received_at").orElseGet(clock::instant), Optional.of(reference), referenceDetail(reference));
      case "removed" -> new PlatformAnswer(RequestStatus.REMOVED,
          instant(answer, "removed_at").orElseGet(clock::instant), Optional.of(reference), "removed by the platform");
      case "rejected" -> new PlatformAnswer(RequestStatus.REJECTED,
          instant(answer, "rejected_at").orElseGet(clock::instant), Optional.of(reference),
          "rejected by the platform: " + text(answer, "reason").orElse("no reason given"));
      default -> throw new GatewayException(what + ": unknown status in the platform's answer: " + abbreviate(response.body()));
    });
  }

  private AnnexIForm checkedForm(String what, Request.RemovalOrder order) throws GatewayException {
    AnnexIForm form;
    try {
      form = Objects.requireNonNull(forms.orElseThrow().apply(order), "the form function returned null");
    } catch (IllegalStateException e) {
      throw new GatewayException(what + ": no Annex I form: " + e.getMessage(), e);
    }
    List<FieldProblem> problems = OrderTemplate.problemsFor(order, form, clock.instant());
    if (!problems.isEmpty()) {
      throw new GatewayException(what + ": the Annex I form is incomplete, so the order is not sent: " + problems + "; complete the form and send again");
    }
    return form;
  }

  private void checkPlatform(Request request) {
    if (!request.platform().equals(config.platform())) {
      throw new IllegalArgumentException("request " + request.id() + " is for " + request.platform()
          + ", this gateway sends to " + config.platform());
    }
  }

  /**
   * Sends until an answer that is not transient, or the attempts run out. {@code body} null means
   * GET. Returns 2xx and the 4xx that are the platform's refusal; throws for the rest.
   */
  private HttpResponse<String> exchange(String what, URI target, byte[] body, Optional<String> idempotencyKey) throws GatewayException {
    RetryPolicy policy = config.retry();
    String lastProblem = "";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      long timestamp = clock.instant().getEpochSecond();
      byte[] signed = body == null ? new byte[0] : body;
      HttpRequest.Builder builder = HttpRequest.newBuilder(target)
          .timeout(config.requestTimeout())
          .header("X-Cordon-Timestamp", Long.toString(timestamp))
          .header("X-Cordon-Signature", signer.sign(timestamp, signed))
          .header("Accept", "application/json");
      idempotencyKey.ifPresent(key -> builder.header("Idempotency-Key", key));
      if (body == null) {
        builder.GET();
      } else {
        builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
      }
      OptionalLong retryAfter = OptionalLong.empty();
      try {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (!isTransient(status)) {
          if (status == 401 || status == 403) {
            throw new GatewayException(what + ": the platform refused our signature (HTTP " + status + "): "
                + platformError(response) + "; check the shared secret configured for " + config.platform() + " and this host's clock");
          }
          if (status == 404 && body != null) {
            throw new GatewayException(what + ": no such endpoint " + target + " (HTTP 404): "
                + platformError(response) + "; check the base URI configured for " + config.platform());
          }
          return response;
        }
        lastProblem = "HTTP " + status + ": " + platformError(response);
        retryAfter = retryAfterSeconds(response);
      } catch (IOException e) {
        lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GatewayException(what + ": interrupted while sending", e);
      }
      if (attempt < policy.maxAttempts()) {
        Duration wait = policy.backoff(attempt, random);
        if (retryAfter.isPresent()) {
          Duration asked = Duration.ofSeconds(retryAfter.getAsLong());
          wait = asked.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : (asked.compareTo(wait) > 0 ? asked : wait);
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GatewayException(what + ": interrupted while waiting to retry", e);
        }
      }
    }
    throw new GatewayException(what + ": not delivered after " + policy.maxAttempts() + " attempts; last: " + lastProblem
        + "; it stays unsent and can be sent again (same idempotency key)");
  }

  private static boolean isTransient(int status) {
    return status >= 500 || status == 408 || status == 425 || status == 429;
  }

  private static OptionalLong retryAfterSeconds(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After")
        .filter(v -> v.matches("[0-9]{1,6}"))
        .map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }

  private JsonNode parse(String what, HttpResponse<String> response) throws GatewayException {
    try {
      JsonNode node = json.readTree(response.body());
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JacksonException e) {
      // fall through to the one message below
    }
    throw new GatewayException(what + ": the platform's answer is not a JSON object: " + abbreviate(response.body()));
  }

  /** The platform's {@code error: message}, or the start of its body. */
  private String platformError(HttpResponse<String> response) {
    try {
      JsonNode node = json.readTree(response.body());
      if (node != null && node.isObject()) {
        Optional<String> code = text(node, "error");
        Optional<String> message = text(node, "message");
        if (code.isPresent() || message.isPresent()) {
          return abbreviate(code.orElse("error") + message.map(m -> ": " + m).orElse(""));
        }
      }
    } catch (JacksonException e) {
      // not JSON: show the text
    }
    return abbreviate(response.body());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue()) : Optional.empty();
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    try {
      return text(node, field).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Platform text goes into our logs and console: cut it short and drop control and bidi characters. */
  private static String abbreviate(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(MAX_ANSWER_CHARS).forEach(c -> {
      int type = Character.getType(c);
      out.append(Character.isISOControl(c) || type == Character.FORMAT ? "\uFFFD" : new String(Character.toChars(c)));
    });
    return text.codePointCount(0, text.length()) > MAX_ANSWER_CHARS ? out + "…" : out.toString();
  }
}
