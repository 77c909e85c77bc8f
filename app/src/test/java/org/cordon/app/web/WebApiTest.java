package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API and console over real HTTP on loopback, on an embedded PostgreSQL: who may do what,
 * ingest through the API, the queue, decisions, and content that tries to break the page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebApiTest {
  @TempDir static Path data;
  static CordonRuntime runtime;
  static LivePipeline pipeline;
  static ConfigurableApplicationContext web;
  static URI base;
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(data.resolve("users.properties"), """
        alice=ANALYST:{noop}alice-pw
        bob=ANALYST:{noop}bob-pw
        feed=INGEST:{noop}feed-pw
        sue=SUPERVISOR:{noop}sue-pw
        """);
    Files.writeString(data.resolve("lexicon.csv"), LexiconFixture.CSV);
    runtime = CordonRuntime.open(Settings.embedded(data));
    pipeline = new LivePipeline(runtime, MediaResolver.none());
    web = WebApplication.start(runtime, pipeline, "127.0.0.1", 0);
    int port = Integer.parseInt(web.getEnvironment().getProperty("local.server.port"));
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  @Order(1)
  void refusesCallersWhoHaveNotSignedIn() throws Exception {
    assertThat(send(get("/api/v1/queue")).statusCode()).isEqualTo(401);
    assertThat(send(get("/")).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void analystsCannotPushInputAndFeedsCannotReadTheQueue() throws Exception {
    assertThat(send(post("/api/v1/ingest/x-v1", "alice", "{}")).statusCode()).isEqualTo(403);
    assertThat(send(as(get("/api/v1/queue"), "feed")).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(3)
  void ingestThroughTheApiFlagsPostsIntoTheQueue() throws Exception {
    String body = tweet("101", "Carry the lanternfront light forward <script>alert(1)</script> \u202Eevil")
        + tweet("102", "What a lovely morning for a walk")
        + "{not json\n";
    HttpResponse<String> r = send(post("/api/v1/ingest/x-v1", "feed", body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode summary = json.readTree(r.body());
    assertThat(summary.get("new_posts").asLong()).isEqualTo(2);
    assertThat(summary.get("rejected").asLong()).isEqualTo(1);
    assertThat(runtime.stores().quarantine().count()).as("the bad line is kept in quarantine").isEqualTo(1);

    JsonNode queue = json.readTree(send(as(get("/api/v1/queue"), "alice")).body());
    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).get("subject").get("id").asString()).isEqualTo("101");
    assertThat(queue.get(0).get("tier").asString()).isEqualTo("official_propaganda");
    assertThat(queue.get(0).get("explanation").asString()).contains("lanternfront");
  }

  @Test
  @Order(4)
  void theConsoleEscapesContentAndIsolatesItsDirection() throws Exception {
    HttpResponse<String> page = send(as(get("/"), "alice"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.body()).contains("<bdi>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
  }

  @Test
  @Order(5)
  void aDecisionRecordsTheSignedInAnalystAndCannotBeRepeated() throws Exception {
    long id = json.readTree(send(as(get("/api/v1/queue"), "alice")).body()).get(0).get("id").asLong();

    HttpResponse<String> noReason = send(post("/api/v1/desk/cases/" + id + "/decisions", "alice",
        "{\"kind\":\"refer\",\"requestType\":\"referral\",\"category\":\"glorifies\",\"note\":\" \"}"));
    assertThat(noReason.statusCode()).isEqualTo(400);

    HttpResponse<String> decided = send(post("/api/v1/desk/cases/" + id + "/decisions", "alice",
        "{\"kind\":\"refer\",\"requestType\":\"referral\",\"category\":\"glorifies\",\"note\":\"slogan of the group\"}"));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonNode c = json.readTree(send(as(get("/api/v1/cases/" + id), "alice")).body());
    assertThat(c.get("state").asString()).isEqualTo("referred");
    assertThat(c.get("post").get("language").isString()).as("the tweet named no language; the live pipeline identified one: %s", c.get("post"))
        .isTrue();
    assertThat(c.get("decisions").get(0).get("decidedBy").asString()).isEqualTo("alice");
    assertThat(c.get("decisions").get(0).get("category").asString()).isEqualTo("glorifies");

    HttpResponse<String> again = send(post("/api/v1/desk/cases/" + id + "/decisions", "bob", "{\"kind\":\"dismiss\",\"note\":\"changed my mind\"}"));
    assertThat(again.statusCode()).as("a decided case is decided again only by a correction").isEqualTo(409);
    assertThat(json.readTree(send(as(get("/api/v1/requests?status=pending"), "alice")).body())).hasSize(1);
    assertThat(send(post("/api/v1/cases/" + id + "/decisions", "alice", "{\"decision\":\"dismiss\",\"reason\":\"old endpoint\"}")).statusCode())
        .as("the foundation's decision endpoint is gone").isIn(404, 405);
  }

  @Test
  @Order(6)
  void publishesAnOpenApiDocumentWithEverythingTheDeskDoes() throws Exception {
    HttpResponse<String> r = send(as(get("/v3/api-docs"), "alice"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode paths = json.readTree(r.body()).get("paths");
    for (String path : List.of("/api/v1/desk/queue", "/api/v1/desk/cases/{id}/decisions", "/api/v1/desk/decisions/{id}/approval",
        "/api/v1/desk/decisions/{id}/refusal", "/api/v1/desk/decisions/{id}/corrections", "/api/v1/desk/decisions/awaiting-approval",
        "/api/v1/desk/cases/{id}/trail", "/api/v1/desk/units", "/api/v1/desk/units/{unit}/selectors", "/api/v1/desk/units/{unit}/selectors/import",
        "/api/v1/desk/units/{unit}/hits", "/api/v1/desk/units/{unit}/holds", "/api/v1/desk/units/{unit}/notifications",
        "/api/v1/desk/holds/{id}/answer", "/api/v1/desk/units/{unit}/referrals", "/api/v1/desk/requests/{id}/requesters",
        "/api/v1/desk/requests/{id}/order-clock", "/api/v1/desk/removal-orders/clocks", "/api/v1/desk/requests/{id}/checks",
        "/api/v1/desk/requests/{id}/complaints", "/api/v1/desk/requests/{id}/reinstatements", "/api/v1/desk/reopenings",
        "/api/v1/desk/retention/audit", "/api/v1/desk/statistics", "/api/v1/desk/transparency", "/api/v1/requests", "/api/v1/cases/{id}")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    assertThat(paths.path("/api/v1/desk/decisions/{id}/approval").has("post")).isTrue();
    assertThat(paths.has("/api/v1/cases/{id}/decisions")).as("no decision bypasses the desk").isFalse();
  }

  @Test
  @Order(7)
  void supervisorsKeepLexiconsAsVersionsThatTheDetectorsUse() throws Exception {
    String csv = "kind,term,language,weight,tier,source,added_by,added_at,note\nterm,emberwatch,en,0.7,promotional,unit,sue,,\n";
    HttpRequest.Builder put = HttpRequest.newBuilder(base.resolve("/api/v1/lexicons/watch")).PUT(HttpRequest.BodyPublishers.ofString(csv))
        .header("Content-Type", "text/csv");
    assertThat(send(as(put, "alice")).statusCode()).as("analysts read lexicons but do not change them").isEqualTo(403);

    HttpResponse<String> first = send(as(HttpRequest.newBuilder(base.resolve("/api/v1/lexicons/watch")).PUT(HttpRequest.BodyPublishers.ofString(csv))
        .header("Content-Type", "text/csv"), "sue"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).get("version").asLong()).isEqualTo(1);

    HttpResponse<String> added = send(post("/api/v1/lexicons/watch/entries", "sue",
        "{\"term\":\"lantern light media\",\"language\":\"*\",\"weight\":0.6,\"tier\":\"official_propaganda\"}"));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json.readTree(added.body()).get("version").asLong()).isEqualTo(2);
    assertThat(json.readTree(added.body()).get("versions").toString()).isEqualTo("[1,2]");

    JsonNode view = json.readTree(send(as(get("/api/v1/lexicons/watch"), "alice")).body());
    assertThat(view.get("entries")).hasSize(2);
    assertThat(view.get("entries").toString()).contains("\"addedBy\":\"sue\"");
    assertThat(send(as(get("/api/v1/lexicons/watch?version=1&format=csv"), "alice")).body()).contains("emberwatch").doesNotContain("lantern light media");

    HttpResponse<String> bad = send(as(HttpRequest.newBuilder(base.resolve("/api/v1/lexicons/watch"))
        .PUT(HttpRequest.BodyPublishers.ofString("kind,term,language,weight\nterm,x,en,7\n")).header("Content-Type", "text/csv"), "sue"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("line 2");

    // the running detectors read the lexicon directory: a disguised term of version 2 is found
    var detectors = runtime.detectors();
    var post = new org.cordon.core.model.Post(new org.cordon.core.model.PostKey(new org.cordon.core.model.Platform("x"), "lex-1"),
        new org.cordon.core.model.AccountKey(new org.cordon.core.model.Platform("x"), "9"), java.time.Instant.now(),
        "news from #LanternLightMedia today", java.util.Optional.empty(), java.util.Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
    var signals = detectors.stream().flatMap(d -> d.detect(new org.cordon.core.signal.PostContext(post, java.util.Optional.empty(), List.of())).stream())
        .filter(sig -> "watch".equals(sig.evidence().get("lexicon"))).toList();
    assertThat(signals).singleElement().satisfies(sig -> assertThat(sig.evidence()).containsEntry("lexicon_version", "2"));
  }

  static String tweet(String id, String text) {
    return "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id_str\":\"" + id + "\",\"text\":" + json.writeValueAsString(text)
        + ",\"user\":{\"id_str\":\"77\",\"screen_name\":\"someone\"},\"entities\":{\"hashtags\":[],\"user_mentions\":[],\"urls\":[]}}\n";
  }

  static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).GET();
  }

  static HttpRequest.Builder as(HttpRequest.Builder b, String user) {
    return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
  }

  static HttpRequest.Builder post(String path, String user, String body) {
    return as(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), user);
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
