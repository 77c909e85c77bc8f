package org.cordon.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The range's stand-in for platforms: receives referrals and removal orders, acknowledges them,
 * and later removes the content or rejects the request, in simulated time. Binds 127.0.0.1 only.
 * All bodies are JSON (UTF-8, snake_case); errors are {@code {"error": CODE, "message": TEXT}}.
 * Instants are ISO-8601 in simulated time, except the signature timestamp (real epoch seconds).
 *
 * <h2>Endpoints</h2>
 *
 * <dl>
 *   <dt>{@code POST /platforms/{platform}/requests}
 *   <dd>Receives one request. Headers: {@code X-Cordon-Timestamp: <epoch seconds>} (real clock,
 *       at most {@link SimulatorConfig#maxClockSkew()} off, 5 minutes by default), {@code
 *       X-Cordon-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} (several
 *       comma-separated values are accepted, for key rotation), {@code Idempotency-Key} (1–256
 *       printable ASCII characters). Body: {@code request_type} ("referral" | "removal_order"),
 *       {@code cordon_request_id}, {@code case_id}, {@code subject} {{@code kind} ("post" |
 *       "account"), {@code platform} (must be this platform), {@code id}}, {@code urls} (strings),
 *       {@code category}, and for a removal order {@code issuing_authority} and {@code reference};
 *       other fields are ignored. Answers 202 {@code {platform_reference, status: "acknowledged",
 *       received_at}}; the same idempotency key again answers 200 with the first answer and is
 *       counted as a duplicate. 400 malformed body or missing idempotency key, 401 bad or stale
 *       signature, 404 unknown platform (no secret configured), 413 body over 1 MiB.
 *   <dt>{@code GET /platforms/{platform}/requests/{platform_reference}}
 *   <dd>{@code {platform_reference, request_type, status: acknowledged|removed|rejected,
 *       received_at, removed_at?, rejected_at?, reason?}}; 404 unknown reference. Not signed.
 *   <dt>{@code GET /content?url=<url>}
 *   <dd>200 {@code {url, status: "up"}} while the content is up, 410 {@code {url, status:
 *       "removed", removed_at}} once removed; with a world loaded, 404 for a URL it does not know.
 *   <dt>{@code GET /platforms/{platform}/accounts?handle=<handle>}
 *   <dd>A username lookup: 200 {@code {platform, account_id, handle, status: "active"|"suspended",
 *       suspended_at?}} (suspended by the world's history or by this simulator), 404 when no account
 *       holds the handle, 400 without a handle. Not signed; no faults injected.
 *   <dt>{@code GET /suspensions}
 *   <dd>{@code {suspensions: [{platform, account_id, suspended_at, platform_reference, cause}]}},
 *       oldest first, one per account: accounts removed by an account-level request ({@code cause}
 *       "account_removed") or after {@link SimulatorConfig.Returns#strikesToSuspend()} of their
 *       posts were removed ("strikes", at the instant of the decisive removal; needs a world to
 *       know posts' authors). Suspending an account takes down its URL and its posts' URLs.
 *   <dt>{@code GET /returns}
 *   <dd>Live returns (platforms x and mastodon): {@code {returns: [{platform, predecessor_account_id,
 *       predecessor_handle, successor_account_id, successor_handle, handle_change, person_id,
 *       suspended_at, created_at, first_post_at, first_post_id, shoutout_post_id, follows}],
 *       not_returning: [{platform, account_id, suspended_at, reason}], pending, pushes_sent,
 *       pushes_failed, simulated_now}}. A return is listed once its first post is out. See
 *       {@link LiveReturns}.
 *   <dt>{@code GET /stats}
 *   <dd>{@code {received, duplicates, acknowledged, removed, rejected, bad_signatures,
 *       bad_requests, faults_injected, suspensions, world_urls, world_skipped_lines,
 *       simulated_now}}; {@code received} counts distinct requests.
 * </dl>
 *
 * <p>Each request's outcome is drawn when it arrives, from the seed, the platform and the
 * idempotency key: it complies with the platform's compliance rate, and the decision (removal or
 * rejection) takes effect after a lognormal delay in simulated time. Removal orders follow
 * {@link SimulatorConfig#removalOrderBehaviour()} (by default 98 %, median 25 minutes). Injected faults
 * ({@link SimulatorConfig.Faults}) apply to calls under {@code /platforms/} and answer 503.
 */
public final class PlatformSimulator implements AutoCloseable {
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_URLS = 1000;
  private static final int MAX_URL_LENGTH = 4096;

  private final SimulatorConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SimulatedClock clock;
  private final Ledger ledger;
  private final World world;
  private final JsonMapper json;
  private final AtomicInteger platformCalls = new AtomicInteger();
  private final Random faultRandom;
  private final LiveReturns returns;

  private PlatformSimulator(SimulatorConfig config, HttpServer server, ExecutorService executor, World world, JsonMapper json) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.world = world;
    this.json = json;
    this.clock = config.timeSource().map(SimulatedClock::external)
        .orElseGet(() -> SimulatedClock.system(config.simulatedStart().orElseGet(Instant::now), config.speed()));
    this.ledger = new Ledger(config.seed(), config.returns().strikesToSuspend());
    this.faultRandom = new Random(config.seed() ^ 0x5DEECE66DL);
    this.returns = new LiveReturns(config.returns(), config.seed(), world, ledger, clock, json);
  }

  /** Loads the world if one is configured, binds 127.0.0.1 and starts answering. */
  public static PlatformSimulator start(SimulatorConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    JsonMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    World world = config.world().map(dir -> World.load(dir, json)).orElse(World.EMPTY);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "platform-simulator");
      t.setDaemon(true);
      return t;
    });
    PlatformSimulator simulator = new PlatformSimulator(config, server, executor, world, json);
    server.createContext("/", simulator::handle);
    server.setExecutor(executor);
    server.start();
    if (world.loaded()) {
      simulator.returns.start();
    }
    return simulator;
  }

  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
  }

  /** The simulator's current simulated instant. */
  public Instant simulatedNow() {
    return clock.now();
  }

  /**
   * A distinct request as the platform received it (a retry with the same idempotency key is not a
   * second one), for evaluations that check what reached the platforms against what was sent.
   */
  public record ReceivedRequest(String platform, String idempotencyKey, String requestType, String subjectKind, String subjectId,
      List<String> urls, String reference, Instant receivedAt) {
    public ReceivedRequest {
      urls = List.copyOf(urls);
    }
  }

  /** Every distinct request received so far, oldest first. */
  public List<ReceivedRequest> receivedRequests() {
    return ledger.received().stream()
        .map(r -> new ReceivedRequest(r.submission().platform(), r.submission().idempotencyKey(), r.submission().requestType(),
            r.submission().subjectKind(), r.submission().subjectId(), r.submission().urls(), r.reference(), r.receivedAt()))
        .sorted(java.util.Comparator.comparing(ReceivedRequest::receivedAt).thenComparing(ReceivedRequest::reference))
        .toList();
  }

  /** Requests received again under a known idempotency key (retries), counted once each time. */
  public long duplicateRequests() {
    return ledger.stats(clock.now()).duplicates();
  }

  @Override
  public void close() {
    returns.close();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = route(exchange);
      } catch (RuntimeException e) {
        // A bug answers 500 with a reason instead of a dropped connection.
        System.getLogger(PlatformSimulator.class.getName())
            .log(System.Logger.Level.ERROR, "simulator failed on " + exchange.getRequestURI(), e);
        response = error(500, "internal_error", "the simulator failed: " + e);
      }
      byte[] body = json.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      response.retryAfterSeconds().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", Integer.toString(s)));
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private record Response(int status, JsonNode body, Optional<Integer> retryAfterSeconds) {
    static Response of(int status, JsonNode body) {
      return new Response(status, body, Optional.empty());
    }
  }

  private Response route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    if (segments.size() == 3 && segments.get(0).equals("platforms") && segments.get(2).equals("accounts")) {
      return method.equals("GET") ? account(segments.get(1), exchange) : notAllowed(method);
    }
    if (segments.size() >= 3 && segments.get(0).equals("platforms") && segments.get(2).equals("requests")) {
      return platformCall(exchange, method, segments);
    }
    if (segments.equals(List.of("content"))) {
      return method.equals("GET") ? content(exchange) : notAllowed(method);
    }
    if (segments.equals(List.of("stats"))) {
      return method.equals("GET") ? stats() : notAllowed(method);
    }
    if (segments.equals(List.of("suspensions"))) {
      return method.equals("GET") ? suspensions() : notAllowed(method);
    }
    if (segments.equals(List.of("returns"))) {
      return method.equals("GET") ? returns() : notAllowed(method);
    }
    return error(404, "not_found", "no such endpoint: " + method + " " + exchange.getRequestURI().getRawPath());
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private Response platformCall(HttpExchange exchange, String method, List<String> segments) throws IOException {
    boolean fault = injectFault();
    if (fault && !config.faults().loseAnswers()) {
      return unavailable();
    }
    Response response;
    if (segments.size() == 3 && method.equals("POST")) {
      response = receive(exchange, segments.get(1));
    } else if (segments.size() == 4 && method.equals("GET")) {
      response = status(segments.get(1), segments.get(3));
    } else if (segments.size() == 3 || segments.size() == 4) {
      response = notAllowed(method);
    } else {
      response = error(404, "not_found", "no such endpoint: " + String.join("/", segments));
    }
    return fault ? unavailable() : response;
  }

  private boolean injectFault() {
    SimulatorConfig.Faults faults = config.faults();
    int call = platformCalls.incrementAndGet();
    boolean fault = call <= faults.failFirst() || (faults.failureRate() > 0 && nextFaultDraw() < faults.failureRate());
    if (fault) {
      ledger.countFault();
    }
    return fault;
  }

  private synchronized double nextFaultDraw() {
    return faultRandom.nextDouble();
  }

  private Response unavailable() {
    return new Response(503, errorBody("unavailable", "injected fault: try again"), Optional.of(1));
  }

  private Response receive(HttpExchange exchange, String platform) throws IOException {
    Optional<String> secret = config.secretOf(platform);
    if (secret.isEmpty()) {
      return error(404, "unknown_platform", "no platform '" + platform + "' here (no secret configured for it)");
    }
    Optional<byte[]> body = readBody(exchange.getRequestBody());
    if (body.isEmpty()) {
      ledger.countBadRequest();
      return error(413, "too_large", "the body is over " + MAX_BODY_BYTES + " bytes");
    }
    Optional<String> signatureProblem = signatureProblem(exchange, secret.get(), body.get());
    if (signatureProblem.isPresent()) {
      ledger.countBadSignature();
      return error(401, "bad_signature", signatureProblem.get());
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (key == null || key.isEmpty() || key.length() > 256 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      ledger.countBadRequest();
      return error(400, "missing_idempotency_key", "send an Idempotency-Key header of 1-256 printable ASCII characters");
    }
    Ledger.Submission submission;
    try {
      submission = parse(platform, key, body.get());
    } catch (BadRequest e) {
      ledger.countBadRequest();
      return error(400, "bad_request", e.getMessage());
    }
    Ledger.Receipt receipt = ledger.receive(submission, config.behaviourOf(platform, submission.requestType()), clock.now(), world);
    ObjectNode answer = json.createObjectNode();
    answer.put("platform_reference", receipt.received().reference());
    answer.put("status", "acknowledged");
    answer.put("received_at", receipt.received().receivedAt().toString());
    return Response.of(receipt.duplicate() ? 200 : 202, answer);
  }

  private static Optional<byte[]> readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
  }

  private Optional<String> signatureProblem(HttpExchange exchange, String secret, byte[] body) {
    String timestamp = exchange.getRequestHeaders().getFirst("X-Cordon-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Cordon-Signature");
    if (timestamp == null || signature == null) {
      return Optional.of("send X-Cordon-Timestamp and X-Cordon-Signature headers");
    }
    if (!timestamp.matches("[0-9]{1,12}")) {
      return Optional.of("X-Cordon-Timestamp is epoch seconds: '" + printable(timestamp) + "'");
    }
    long skew = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
    if (skew > config.maxClockSkew().toSeconds()) {
      return Optional.of("X-Cordon-Timestamp is " + skew + " s off our clock (at most " + config.maxClockSkew().toSeconds() + " s): check the sender's clock");
    }
    byte[] expected = hmac(secret, timestamp, body);
    for (String candidate : signature.split(",")) {
      String value = candidate.trim();
      if (value.startsWith("v1=") && value.length() == 3 + 64 && isHex(value.substring(3))) {
        byte[] given = HexFormat.of().parseHex(value.substring(3));
        if (MessageDigest.isEqual(expected, given)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of("signature does not match the body: check the shared secret and that the body is sent unchanged");
  }

  private static boolean isHex(String text) {
    return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  }

  static byte[] hmac(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
  }

  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  private Ledger.Submission parse(String platform, String key, byte[] body) throws BadRequest {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadRequest("the body is a JSON object");
    }
    String type = requiredText(root, "request_type");
    if (!type.equals("referral") && !type.equals("removal_order")) {
      throw new BadRequest("request_type is 'referral' or 'removal_order', not '" + printable(type) + "'");
    }
    if (type.equals("removal_order")) {
      requiredText(root, "issuing_authority");
      requiredText(root, "reference");
    }
    requiredText(root, "category");
    JsonNode subject = root.get("subject");
    if (subject == null || !subject.isObject()) {
      throw new BadRequest("subject is an object {kind, platform, id}");
    }
    String kind = requiredText(subject, "kind");
    if (!kind.equals("post") && !kind.equals("account")) {
      throw new BadRequest("subject.kind is 'post' or 'account', not '" + printable(kind) + "'");
    }
    String subjectPlatform = requiredText(subject, "platform");
    if (!subjectPlatform.equals(platform)) {
      throw new BadRequest("the subject is on platform '" + printable(subjectPlatform) + "'; this is '" + platform + "'");
    }
    String id = requiredText(subject, "id");
    JsonNode urlsNode = root.get("urls");
    if (urlsNode == null || !urlsNode.isArray()) {
      throw new BadRequest("urls is an array of strings");
    }
    ArrayNode urlArray = (ArrayNode) urlsNode;
    if (urlArray.size() > MAX_URLS) {
      throw new BadRequest("at most " + MAX_URLS + " urls per request");
    }
    List<String> urls = new ArrayList<>();
    for (JsonNode url : urlArray) {
      if (!url.isString() || url.stringValue().isBlank() || url.stringValue().length() > MAX_URL_LENGTH) {
        throw new BadRequest("each url is a non-empty string of at most " + MAX_URL_LENGTH + " characters");
      }
      urls.add(url.stringValue());
    }
    return new Ledger.Submission(platform, key, type, kind, id, urls);
  }

  private static String requiredText(JsonNode node, String field) throws BadRequest {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.stringValue().isBlank()) {
      throw new BadRequest(field + " is a non-empty string");
    }
    return value.stringValue();
  }

  /** Echoes hostile input back in error messages without control or bidi characters. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(80).forEach(c -> {
      int type = Character.getType(c);
      boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.UNASSIGNED;
      out.append(hidden ? "\uFFFD" : new String(Character.toChars(c)));
    });
    return out.toString();
  }

  private Response status(String platform, String reference) {
    if (config.secretOf(platform).isEmpty()) {
      return error(404, "unknown_platform", "no platform '" + printable(platform) + "' here");
    }
    Optional<Ledger.Received> found = ledger.find(platform, reference);
    if (found.isEmpty()) {
      return error(404, "unknown_reference", "platform '" + platform + "' has no request '" + printable(reference) + "'");
    }
    Ledger.Received received = found.get();
    Instant now = clock.now();
    ObjectNode body = json.createObjectNode();
    body.put("platform_reference", received.reference());
    body.put("request_type", received.submission().requestType());
    body.put("received_at", received.receivedAt().toString());
    if (received.outcome().at().isAfter(now)) {
      body.put("status", "acknowledged");
    } else {
      switch (received.outcome()) {
        case Ledger.Removal removal -> {
          body.put("status", "removed");
          body.put("removed_at", removal.at().toString());
        }
        case Ledger.Rejection rejection -> {
          body.put("status", "rejected");
          body.put("rejected_at", rejection.at().toString());
          body.put("reason", rejection.reason());
        }
      }
    }
    return Response.of(200, body);
  }

  private Response content(HttpExchange exchange) {
    Optional<String> url = queryParameter(exchange.getRequestURI().getRawQuery(), "url");
    if (url.isEmpty() || url.get().isBlank()) {
      return error(400, "bad_request", "ask GET /content?url=<content url>");
    }
    ObjectNode body = json.createObjectNode();
    body.put("url", url.get());
    Optional<Instant> removedAt = ledger.removedAt(url.get(), clock.now());
    if (removedAt.isPresent()) {
      body.put("status", "removed");
      body.put("removed_at", removedAt.get().toString());
      return Response.of(410, body);
    }
    if (world.loaded() && !world.knows(url.get())) {
      body.put("status", "unknown");
      return Response.of(404, body);
    }
    body.put("status", "up");
    return Response.of(200, body);
  }

  private static Optional<String> queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /**
   * A username lookup: who holds the handle, and whether that account is suspended now (by the
   * world's own history or by a removal this simulator made).
   */
  private Response account(String platform, HttpExchange exchange) {
    Optional<String> handle = queryParameter(exchange.getRequestURI().getRawQuery(), "handle").filter(h -> !h.isBlank());
    if (handle.isEmpty()) {
      return error(400, "bad_request", "ask GET /platforms/{platform}/accounts?handle=<handle>");
    }
    if (handle.get().length() > 256) {
      return error(400, "bad_request", "a handle is at most 256 characters");
    }
    Optional<World.Profile> profile = world.byHandle(platform, handle.get());
    if (profile.isEmpty()) {
      return error(404, "not_found", "no account holds that handle on " + platform);
    }
    Instant now = clock.now();
    World.AccountRef ref = profile.get().ref();
    Optional<Instant> suspendedAt = ledger.suspensions(now).stream()
        .filter(s -> s.platform().equals(ref.platform()) && s.accountId().equals(ref.accountId()))
        .map(Ledger.Suspension::at).findFirst()
        .or(() -> profile.get().suspendedAt().filter(at -> !at.isAfter(now)));
    ObjectNode body = json.createObjectNode();
    body.put("platform", ref.platform());
    body.put("account_id", ref.accountId());
    body.put("handle", profile.get().handle());
    body.put("status", suspendedAt.isPresent() ? "suspended" : "active");
    suspendedAt.ifPresent(at -> body.put("suspended_at", at.toString()));
    return Response.of(200, body);
  }

  private Response suspensions() {
    ObjectNode body = json.createObjectNode();
    ArrayNode list = body.putArray("suspensions");
    for (Ledger.Suspension s : ledger.suspensions(clock.now())) {
      ObjectNode item = list.addObject();
      item.put("platform", s.platform());
      item.put("account_id", s.accountId());
      item.put("suspended_at", s.at().toString());
      item.put("platform_reference", s.reference());
      item.put("cause", s.cause().label);
    }
    return Response.of(200, body);
  }

  private Response returns() {
    ObjectNode body = json.createObjectNode();
    ArrayNode list = body.putArray("returns");
    returns.returns().forEach(r -> list.add(returns.truthOf(r)));
    ArrayNode none = body.putArray("not_returning");
    for (LiveReturns.NoReturn n : returns.noReturns()) {
      ObjectNode item = none.addObject();
      item.put("platform", n.platform());
      item.put("account_id", n.accountId());
      item.put("suspended_at", n.suspendedAt().toString());
      item.put("reason", n.reason());
    }
    body.put("pending", returns.pending());
    body.put("pushes_sent", returns.pushesSent());
    body.put("pushes_failed", returns.pushesFailed());
    body.put("simulated_now", clock.now().toString());
    return Response.of(200, body);
  }

  private Response stats() {
    Instant now = clock.now();
    Ledger.Stats stats = ledger.stats(now);
    ObjectNode body = json.createObjectNode();
    body.put("received", stats.received());
    body.put("duplicates", stats.duplicates());
    body.put("acknowledged", stats.acknowledged());
    body.put("removed", stats.removed());
    body.put("rejected", stats.rejected());
    body.put("bad_signatures", stats.badSignatures());
    body.put("bad_requests", stats.badRequests());
    body.put("faults_injected", stats.faultsInjected());
    body.put("suspensions", stats.suspensions());
    body.put("live_returns", returns.returns().size());
    body.put("world_urls", world.size());
    body.put("world_skipped_lines", world.skippedLines());
    body.put("simulated_now", now.toString());
    return Response.of(200, body);
  }

  private Response notAllowed(String method) {
    return error(405, "method_not_allowed", "method " + printable(method) + " is not allowed here");
  }

  private Response error(int status, String code, String message) {
    return Response.of(status, errorBody(code, message));
  }

  private ObjectNode errorBody(String code, String message) {
    ObjectNode body = json.createObjectNode();
    body.put("error", code);
    body.put("message", message);
    return body;
  }
}
