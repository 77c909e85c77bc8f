package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #6 end to end over HTTP: an account is suspended, a look-alike appears through the ingest
 * API, and it is at the top of the triage queue with the evidence of the link; the network around
 * it, its lineage, its community and the key accounts are served to the unit and to nobody else.
 */
class NetworkApiTest {
  @TempDir static Path data;
  static CordonRuntime runtime;
  static LivePipeline pipeline;
  static RunningCordon cordon;
  static URI base;
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();
  static final Platform X = Platform.X;
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void start() throws Exception {
    cordon = RunningCordon.start(data, """
        alice=ANALYST:{noop}alice-pw
        lou=LIAISON,UNIT_frpol:{noop}lou-pw
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

  @Test
  void aSuspendedAccountsLookAlikeIsAtTheTopOfTheQueueWithTheEvidenceAndLinkedIntoItsLineage() throws Exception {
    // Given: two ordinary flagged posts waiting in the queue, of the same tier and of a lower one
    openPostCase("queued-1", Tier.OFFICIAL_PROPAGANDA, 0.7);
    openPostCase("queued-2", Tier.PROMOTIONAL, 0.95);
    // and an account that follows a handful of others, then is suspended by its platform
    StringBuilder before = new StringBuilder(account("9001", "ember_wire", "Ember Wire", NOW.minus(400, ChronoUnit.DAYS)));
    for (int i = 1; i <= 6; i++) {
      before.append(follow("9001", "70" + i));
    }
    assertThat(ingest(before.toString()).statusCode()).isEqualTo(200);
    HttpResponse<String> notice = send(post("/api/v1/network/suspensions", "feed",
        "{\"platform\":\"x\",\"accountId\":\"9001\",\"at\":\"" + NOW.minus(2, ChronoUnit.HOURS) + "\",\"tier\":\"official_propaganda\","
            + "\"cause\":\"terms of service\"}"));
    assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
    assertThat(json.readTree(notice.body()).get("added").asBoolean()).isTrue();

    // When: a look-alike appears, created after the suspension, and follows the same accounts
    StringBuilder after = new StringBuilder(account("9002", "ember_wire_2", "Ember Wire", NOW.minus(30, ChronoUnit.MINUTES)));
    for (int i = 1; i <= 6; i++) {
      after.append(follow("9002", "70" + i));
    }
    assertThat(ingest(after.toString()).statusCode()).isEqualTo(200);

    // Then: its account case leads the queue, ahead of the posts of its tier and below
    JsonNode queue = json.readTree(send(get("/api/v1/desk/queue?limit=10", "alice")).body());
    JsonNode top = queue.get("items").get(0);
    assertThat(top.get("subject").toString()).as(queue.toString()).contains("9002");
    assertThat(top.get("tier").asString()).as("it inherits what its predecessor was removed for").isEqualTo("OFFICIAL_PROPAGANDA");
    JsonNode theCase = json.readTree(send(get("/api/v1/cases/" + top.get("caseId").get("value").asLong(), "alice")).body());
    assertThat(theCase.get("subject").get("kind").asString()).isEqualTo("account");
    assertThat(theCase.get("explanation").asString()).contains("returning account").contains("@ember_wire");
    JsonNode signal = theCase.get("signals").get(0);
    assertThat(signal.get("kind").asString()).isEqualTo("returning-account");
    assertThat(signal.get("evidence").get("predecessor").asString()).isEqualTo("x:account:9001");
    assertThat(signal.get("evidence").get("handle").asString()).contains("ember_wire");
    assertThat(runtime.deskService().queue().queue(10).items().getFirst().priority().priority())
        .as("the desk's priority counts it as a returning account").isGreaterThan(runtime.deskService().queue().queue(10).items().get(1).priority().priority());

    // and its lineage shows the chain with the evidence of the link
    JsonNode lineage = json.readTree(send(get("/api/v1/network/accounts/x/9002/lineage", "alice")).body());
    assertThat(lineage.get("generations").asInt()).isEqualTo(2);
    assertThat(lineage.get("accounts").get(0).get("id").asString()).isEqualTo("9001");
    assertThat(lineage.get("accounts").get(0).get("handle").asString()).isEqualTo("ember_wire");
    assertThat(lineage.get("suspendedAt").has("9001")).isTrue();
    JsonNode link = lineage.get("links").get(0);
    assertThat(link.get("successor").get("id").asString()).isEqualTo("9002");
    assertThat(link.get("reason").asString()).contains("looks like suspended account @ember_wire");
    assertThat(link.get("evidence").get("predecessor").asString()).isEqualTo("x:account:9001");

    // and the network around the suspended account holds both, joined by an identity edge
    JsonNode around = json.readTree(send(get("/api/v1/network/accounts/x/9001/neighbourhood?hops=2", "alice")).body());
    assertThat(around.get("edgesByKind").get("follow").asInt()).isEqualTo(12);
    assertThat(around.get("edgesByKind").get("identity").asInt()).isEqualTo(1);
    assertThat(around.get("members").toString()).contains("\"9002\"").contains("confirmed");
    JsonNode near = json.readTree(send(get("/api/v1/network/accounts/x/9001/neighbourhood?hops=1&limit=3", "alice")).body());
    assertThat(near.get("accounts").asInt()).isEqualTo(3);
    assertThat(near.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void theKeyAccountsAndACommunityAreServedAfterTheAnalysisWithTheirReasons() throws Exception {
    StringBuilder body = new StringBuilder(account("8100", "hub_account", "Hub", NOW.minus(100, ChronoUnit.DAYS)));
    for (int i = 1; i <= 8; i++) {
      body.append(account("81" + (10 + i), "member_" + i, "Member " + i, NOW.minus(50, ChronoUnit.DAYS)));
      body.append(follow("81" + (10 + i), "8100"));
    }
    assertThat(ingest(body.toString()).statusCode()).isEqualTo(200);
    assertThat(send(post("/api/v1/network/suspensions", "alice", "{\"platform\":\"x\",\"accountId\":\"8100\"}")).statusCode()).isEqualTo(200);
    // the followers are one hop from a confirmed account only now: their next follows are kept
    StringBuilder more = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      more.append(follow("81" + (10 + i), "81" + (10 + (i % 8) + 1)));
    }
    assertThat(ingest(more.toString()).statusCode()).isEqualTo(200);
    pipeline.accounts().runNow();

    JsonNode key = json.readTree(send(get("/api/v1/network/key-accounts?limit=5", "alice")).body());
    assertThat(key.get("analysedAt").isNull()).isFalse();
    assertThat(key.get("keyAccounts").size()).isBetween(1, 5);
    List<String> ids = new ArrayList<>();
    key.get("keyAccounts").forEach(k -> ids.add(k.get("account").get("id").asString()));
    assertThat(ids).contains("8100");
    JsonNode hub = key.get("keyAccounts").get(ids.indexOf("8100"));
    assertThat(hub.get("reasons").toString()).contains("marked confirmed by the unit");

    JsonNode community = json.readTree(send(get("/api/v1/network/accounts/x/8111/community", "alice")).body());
    assertThat(community.get("size").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(community.get("members").toString()).contains("8111");
    assertThat(community.get("keyAccounts")).allSatisfy(k -> assertThat(k.get("reasons").size()).isPositive());

    assertThat(send(get("/api/v1/network/accounts/x/nobody-here/community", "alice")).statusCode()).isEqualTo(404);
    assertThat(send(get("/api/v1/network/accounts/x/8100/neighbourhood?hops=3", "alice")).statusCode()).isEqualTo(400);
  }

  @Test
  void onlyTheUnitReadsTheNetworkAndOnlyFeedsAndTheUnitSendSuspensions() throws Exception {
    assertThat(send(get("/api/v1/network/key-accounts", "feed")).statusCode()).isEqualTo(403);
    assertThat(send(get("/api/v1/network/key-accounts", "lou")).statusCode()).as("a liaison officer sees the desk, not the network")
        .isEqualTo(403);
    assertThat(send(post("/api/v1/network/suspensions", "lou", "{\"platform\":\"x\",\"accountId\":\"1\"}")).statusCode()).isEqualTo(403);
    HttpResponse<String> noAccount = send(post("/api/v1/network/suspensions", "feed", "{\"platform\":\"x\"}"));
    assertThat(noAccount.statusCode()).as(noAccount.body()).isEqualTo(400);
    assertThat(send(post("/api/v1/network/suspensions", "feed", "{\"platform\":\"NOT A PLATFORM\",\"accountId\":\"1\"}")).statusCode())
        .isEqualTo(400);
    assertThat(send(post("/api/v1/network/suspensions", "feed", "{not json")).statusCode()).isEqualTo(400);
  }

  // ---------------------------------------------------------------- helpers

  static void openPostCase(String id, Tier tier, double score) {
    Post post = new Post(new PostKey(X, id), new AccountKey(X, "55"), NOW, "placeholder text " + id, Optional.of("en"), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of());
    runtime.stores().observations().write("network-test", List.of(new ParsedRecord(new SourcePosition("network-test", 1, 0),
        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), List.of(post))));
    Assessment a = new Assessment(post.key(), score, true, Optional.of(tier), List.of(), "test", NOW);
    runtime.stores().inbox().recordAssessments(List.of(a));
    runtime.stores().cases().openOrUpdate(a, 10 * (tier == Tier.OFFICIAL_PROPAGANDA ? 2 : 1) + 5 * score, NOW);
  }

  static String account(String id, String handle, String name, Instant created) {
    ObjectNode n = json.createObjectNode().put("kind", "account").put("platform", "x").put("id", id).put("handle", handle)
        .put("display_name", name).put("bio", "placeholder biography of the fictional outlet's reader, number " + handle.length())
        .put("created_at", created.toString()).put("followers", 40);
    n.putArray("links");
    return json.writeValueAsString(n) + "\n";
  }

  static String follow(String from, String to) {
    return "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\"}\n";
  }

  static HttpResponse<String> ingest(String body) throws Exception {
    HttpResponse<String> r = send(post("/api/v1/ingest/cordon-jsonl", "feed", body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json.readTree(r.body()).path("rejected").asLong()).as(r.body()).isZero();
    return r;
  }

  static HttpRequest get(String path, String user) {
    return as(HttpRequest.newBuilder(base.resolve(path)).GET(), user);
  }

  static HttpRequest post(String path, String user, String body) {
    return as(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), user);
  }

  static HttpRequest as(HttpRequest.Builder b, String user) {
    String token = Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    return b.header("Authorization", "Basic " + token).build();
  }

  static HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
