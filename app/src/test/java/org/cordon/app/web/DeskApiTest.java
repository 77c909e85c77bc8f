package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk over real HTTP: four-eyes cannot be bypassed through the API, a national unit's
 * selector under investigation holds a referral until the unit releases it, units see only their
 * own intelligence, and the transparency report is served.
 */
class DeskApiTest {
  @TempDir static Path data;
  static CordonRuntime runtime;
  static LivePipeline pipeline;
  static RunningCordon cordon;
  static URI base;
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();
  static final Platform X = new Platform("x");

  @BeforeAll
  static void start() throws Exception {
    cordon = RunningCordon.start(data, """
        alice=ANALYST:{noop}alice-pw
        bob=ANALYST:{noop}bob-pw
        sue=SUPERVISOR:{noop}sue-pw
        lou=LIAISON,UNIT_frpol:{noop}lou-pw
        max=LIAISON,UNIT_depol:{noop}max-pw
        nina=LIAISON,UNIT_nlpol:{noop}nina-pw
        feed=INGEST:{noop}feed-pw
        """);
    runtime = cordon.runtime;
    pipeline = cordon.pipeline;
    base = cordon.base;
  }

  @AfterAll
  static void stop() {
    if (cordon != null) {
      cordon.close();
    }
  }

  /** A stored post with a URL and an open case on it. */
  static Case openCase(String id, String url) {
    Post post = new Post(new PostKey(X, id), new AccountKey(X, "77"), Instant.parse("2026-11-23T08:00:00Z"), "placeholder text " + id,
        Optional.of("en"), Optional.of(url), List.of(), List.of(), List.of(), List.of(), List.of());
    runtime.stores().observations().write("desk-test", List.of(new ParsedRecord(new SourcePosition("desk-test", 1, 0),
        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), List.of(post))));
    Assessment a = new Assessment(post.key(), 0.9, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(), "test", Instant.now());
    runtime.stores().inbox().recordAssessments(List.of(a));
    return runtime.stores().cases().openOrUpdate(a, 0.9, post.postedAt());
  }

  @Test
  void aRemovalOrderNeedsASecondPersonAndNobodyApprovesTheirOwn() throws Exception {
    Case c = openCase("order-1", "https://x.range.invalid/someone/status/order-1");
    HttpResponse<String> proposed = send(post("/api/v1/desk/cases/" + c.id().value() + "/decisions", "alice",
        "{\"kind\":\"refer\",\"requestType\":\"removal_order\",\"category\":\"glorifies\",\"tier\":\"official_propaganda\",\"note\":\"release repost\"}"));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
    JsonNode outcome = json.readTree(proposed.body());
    long decision = outcome.get("decision").get("id").asLong();
    assertThat(outcome.get("decision").get("state").asString()).isEqualTo("AWAITING_APPROVAL");

    HttpResponse<String> self = send(post("/api/v1/desk/decisions/" + decision + "/approval", "alice", "{\"reason\":\"looks right\"}"));
    assertThat(self.statusCode()).isEqualTo(403);
    assertThat(json.readTree(self.body()).get("reason").asString()).isEqualTo("four_eyes");
    assertThat(send(post("/api/v1/desk/decisions/" + decision + "/approval", "lou", "{\"reason\":\"ok\"}")).statusCode())
        .as("a unit's liaison officer approves nothing at the desk").isEqualTo(403);
    assertThat(runtime.deskService().requests().withStatus(org.cordon.core.request.RequestStatus.PENDING, 100))
        .as("nothing is dispatchable before approval").noneMatch(r -> r.caseId().equals(c.id()));

    HttpResponse<String> approved = send(post("/api/v1/desk/decisions/" + decision + "/approval", "bob", "{\"reason\":\"second pair of eyes\"}"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(runtime.deskService().requests().withStatus(org.cordon.core.request.RequestStatus.PENDING, 100))
        .anyMatch(r -> r.caseId().equals(c.id()) && r.type().equals("removal_order"));
  }

  @Test
  void aSelectorUnderInvestigationHoldsTheReferralUntilItsUnitReleasesIt() throws Exception {
    assertThat(send(post("/api/v1/desk/units", "alice", "{\"name\":\"frpol\"}")).statusCode()).as("analysts register no unit").isEqualTo(403);
    assertThat(send(post("/api/v1/desk/units", "sue", "{\"name\":\"frpol\"}")).statusCode()).isEqualTo(200);
    assertThat(send(post("/api/v1/desk/units", "sue", "{\"name\":\"depol\"}")).statusCode()).isEqualTo(200);
    String url = "https://x.range.invalid/someone/status/held-1";
    HttpResponse<String> selector = send(post("/api/v1/desk/units/frpol/selectors", "lou",
        "{\"kind\":\"url\",\"value\":\"" + url + "\",\"underInvestigation\":true,\"note\":\"operation placeholder\"}"));
    assertThat(selector.statusCode()).as(selector.body()).isEqualTo(200);
    assertThat(send(post("/api/v1/desk/units/frpol/selectors", "max", "{\"kind\":\"url\",\"value\":\"https://a.invalid/x\"}")).statusCode())
        .as("an officer adds selectors for their own unit only").isEqualTo(403);

    Case c = openCase("held-1", url);
    HttpResponse<String> referred = send(post("/api/v1/desk/cases/" + c.id().value() + "/decisions", "alice",
        "{\"kind\":\"refer\",\"requestType\":\"referral\",\"category\":\"glorifies\",\"tier\":\"promotional\",\"note\":\"slogan repost\"}"));
    assertThat(referred.statusCode()).as(referred.body()).isEqualTo(200);
    assertThat(json.readTree(referred.body()).get("holds")).isNotEmpty();
    assertThat(runtime.deskService().requests().withStatus(org.cordon.core.request.RequestStatus.PENDING, 100))
        .as("a held referral is not dispatchable").noneMatch(r -> r.caseId().equals(c.id()));
    runtime.dispatcher().sendPending();
    assertThat(runtime.stores().requests().withStatus(org.cordon.core.request.RequestStatus.PENDING, 1000))
        .as("the live dispatcher leaves the held referral alone").anyMatch(r -> r.caseId().equals(c.id()));

    JsonNode holds = json.readTree(send(as(get("/api/v1/desk/units/frpol/holds"), "lou")).body());
    assertThat(holds).isNotEmpty();
    assertThat(send(as(get("/api/v1/desk/units/frpol/holds"), "max")).statusCode()).as("units see only their own holds").isEqualTo(403);
    long hold = holds.get(0).get("id").asLong();
    assertThat(send(post("/api/v1/desk/holds/" + hold + "/answer", "max", "{\"answer\":\"release\",\"reason\":\"not ours\"}")).statusCode())
        .isEqualTo(403);

    HttpResponse<String> released = send(post("/api/v1/desk/holds/" + hold + "/answer", "lou", "{\"answer\":\"release\",\"reason\":\"no conflict\"}"));
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    assertThat(runtime.deskService().requests().withStatus(org.cordon.core.request.RequestStatus.PENDING, 100))
        .anyMatch(r -> r.caseId().equals(c.id()));
  }

  @Test
  void aWatchedHandleSeenInLiveInputIsAHitForItsUnitOnly() throws Exception {
    runtime.deskService().intelligence().registerUnit("nlpol");
    HttpResponse<String> selector = send(post("/api/v1/desk/units/nlpol/selectors", "nina",
        "{\"kind\":\"handle\",\"value\":\"@Watched_Handle\",\"underInvestigation\":false,\"note\":\"placeholder lead\"}"));
    assertThat(selector.statusCode()).as(selector.body()).isEqualTo(200);

    String tweet = "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id_str\":\"5550001\",\"text\":\"an ordinary placeholder post\","
        + "\"user\":{\"id_str\":\"8801\",\"screen_name\":\"watched_handle\"},\"entities\":{\"hashtags\":[],\"user_mentions\":[],\"urls\":[]}}\n";
    HttpResponse<String> ingested = send(post("/api/v1/ingest/x-v1", "feed", tweet));
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

    JsonNode hits = json.readTree(send(as(get("/api/v1/desk/units/nlpol/hits"), "nina")).body());
    assertThat(hits).isNotEmpty();
    assertThat(hits.toString()).contains("8801");
    assertThat(send(as(get("/api/v1/desk/units/nlpol/hits"), "lou")).statusCode()).isEqualTo(403);
  }

  @Test
  void theTransparencyReportIsServedAsHtmlWithCharts() throws Exception {
    HttpResponse<String> r = send(as(get("/api/v1/desk/transparency?from=2026-01-01&to=2026-12-31"), "sue"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("<svg");
  }

  static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).GET();
  }

  static HttpRequest.Builder as(HttpRequest.Builder b, String user) {
    return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
  }

  static HttpRequest.Builder post(String path, String user, String body) {
    return as(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"),
        user);
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
