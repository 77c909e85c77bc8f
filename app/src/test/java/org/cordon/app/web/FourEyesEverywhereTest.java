package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.app.cli.CordonCommand;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.request.Request;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four-eyes cannot be bypassed: every way there is to decide (the foundation's case endpoint, the
 * desk's decisions, corrections, self-approval, a supervisor's own proposal, a unit's referral, the
 * console's script, the command line) is tried with one person alone for an account-level referral
 * or a removal order, and nothing reaches the platform's gateway; a second person's approval then
 * lets exactly one request out. The console shows the desk's queue, the proposals awaiting approval
 * and the orders' clocks.
 */
class FourEyesEverywhereTest {
  @TempDir static Path data;
  @TempDir static Path cliData;
  static CordonRuntime runtime;
  static LivePipeline pipeline;
  static RunningCordon cordon;
  static URI base;
  static final RecordingGateway gateway = new RecordingGateway(Platform.X);
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();
  static final Platform X = Platform.X;

  @BeforeAll
  static void start() throws Exception {
    cordon = RunningCordon.start(data, """
        alice=ANALYST:{noop}alice-pw
        bob=ANALYST:{noop}bob-pw
        sue=SUPERVISOR:{noop}sue-pw
        lou=LIAISON,UNIT_frpol:{noop}lou-pw
        """, in -> {
      in.useGateways(Map.of(X, gateway));
      in.deskService().intelligence().registerUnit("frpol");
    });
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

  static CaseId accountCase(CordonRuntime in, String id) {
    Account account = new Account(new AccountKey(X, id), "handle_" + id, Optional.of("Placeholder Name"), Optional.of("placeholder bio"),
        Optional.empty(), java.util.OptionalLong.of(120), java.util.OptionalLong.empty(), Optional.empty(),
        Optional.of("https://x.range.invalid/handle_" + id), List.of());
    return store(in, account, account.key());
  }

  static CaseId postCase(CordonRuntime in, String id) {
    Post post = new Post(new PostKey(X, id), new AccountKey(X, "77"), Instant.now().minusSeconds(300), "placeholder text " + id,
        Optional.of("en"), Optional.of("https://x.range.invalid/someone/status/" + id), List.of(), List.of(), List.of(), List.of(), List.of());
    return store(in, post, post.key());
  }

  private static CaseId store(CordonRuntime in, org.cordon.core.model.Observed item, Subject subject) {
    in.stores().observations().write("four-eyes", List.of(new ParsedRecord(new SourcePosition("four-eyes", 1, 0),
        "{}".getBytes(StandardCharsets.UTF_8), List.of(item))));
    Assessment a = new Assessment(subject, 0.9, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(), "flagged in a test", Instant.now());
    in.stores().inbox().recordAssessments(List.of(a));
    return in.stores().cases().openOrUpdate(a, 0.9, Instant.now().minusSeconds(300)).id();
  }

  @Test
  void noEndpointLetsOnePersonAloneSendAnAccountReferralOrARemovalOrder() throws Exception {
    CaseId account = accountCase(runtime, "acc-1");
    CaseId post = postCase(runtime, "post-1");
    String accountReferral = "{\"kind\":\"refer\",\"requestType\":\"referral\",\"category\":\"incites\",\"note\":\"recruiter account\"}";
    String removalOrder = "{\"kind\":\"refer\",\"requestType\":\"removal_order\",\"category\":\"glorifies\",\"note\":\"release repost\"}";

    // the foundation's endpoint, which recorded a referral on one analyst's word, is gone
    assertThat(send(post("/api/v1/cases/" + account.value() + "/decisions", "alice",
        "{\"decision\":\"refer\",\"category\":\"incites\",\"reason\":\"one analyst\"}")).statusCode()).isIn(404, 405);

    // the desk's decision: a proposal, and the proposer cannot approve it
    JsonNode proposal = ok(send(post("/api/v1/desk/cases/" + account.value() + "/decisions", "alice", accountReferral)));
    assertThat(proposal.get("decision").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
    assertThat(proposal.get("request").isNull() || proposal.get("request").isMissingNode()).isTrue();
    long proposalId = proposal.get("decision").get("id").asLong();
    assertThat(send(post("/api/v1/desk/decisions/" + proposalId + "/approval", "alice", "{\"reason\":\"me again\"}")).statusCode()).isEqualTo(403);

    // the same analyst deciding again, or correcting her own proposal, only makes more proposals
    JsonNode again = ok(send(post("/api/v1/desk/cases/" + account.value() + "/decisions", "alice", accountReferral)));
    assertThat(again.get("decision").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
    JsonNode corrected = ok(send(post("/api/v1/desk/decisions/" + proposalId + "/corrections", "alice", accountReferral)));
    assertThat(corrected.get("decision").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
    assertThat(send(post("/api/v1/desk/decisions/" + corrected.get("decision").get("id").asLong() + "/approval", "alice", "{\"reason\":\"mine\"}"))
        .statusCode()).isEqualTo(403);

    // a supervisor's own removal order needs another person too
    JsonNode order = ok(send(post("/api/v1/desk/cases/" + post.value() + "/decisions", "sue", removalOrder)));
    assertThat(order.get("decision").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
    assertThat(send(post("/api/v1/desk/decisions/" + order.get("decision").get("id").asLong() + "/approval", "sue", "{\"reason\":\"mine\"}"))
        .statusCode()).isEqualTo(403);

    // a national unit's referral of an account waits for the desk; its officer approves nothing
    JsonNode unit = ok(send(post("/api/v1/desk/units/frpol/referrals", "lou",
        "{\"subjectKind\":\"account\",\"platform\":\"x\",\"id\":\"acc-2\",\"urls\":[\"https://x.range.invalid/handle_acc-2\"],"
            + "\"requestType\":\"referral\",\"category\":\"solicits\",\"note\":\"unit intelligence\"}")));
    assertThat(unit.get("decision").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
    assertThat(send(post("/api/v1/desk/decisions/" + unit.get("decision").get("id").asLong() + "/approval", "lou", "{\"reason\":\"ours\"}"))
        .statusCode()).isEqualTo(403);

    // the console's script decides through the desk's endpoints only
    String script = send(as(get("/console.js"), "alice")).body();
    assertThat(script).contains("/api/v1/desk/cases/").contains("/api/v1/desk/decisions/").doesNotContain("/api/v1/cases/");

    runtime.dispatcher().sendPending();
    assertThat(gateway.reached(account)).as("one analyst's account referral").isFalse();
    assertThat(gateway.reached(post)).as("one supervisor's removal order").isFalse();
    assertThat(gateway.received).noneMatch(r -> r.subject().id().equals("acc-2"));

    // a second person: exactly one request goes out, whatever the number of proposals behind it
    assertThat(send(post("/api/v1/desk/decisions/" + proposalId + "/approval", "bob", "{\"reason\":\"late\"}")).statusCode())
        .as("a corrected proposal is approved through its correction").isEqualTo(409);
    ok(send(post("/api/v1/desk/decisions/" + corrected.get("decision").get("id").asLong() + "/approval", "bob", "{\"reason\":\"checked the account\"}")));
    ok(send(post("/api/v1/desk/decisions/" + again.get("decision").get("id").asLong() + "/approval", "bob", "{\"reason\":\"same account\"}")));
    ok(send(post("/api/v1/desk/decisions/" + order.get("decision").get("id").asLong() + "/approval", "alice", "{\"reason\":\"checked the release\"}")));
    runtime.dispatcher().sendPending();
    assertThat(gateway.received.stream().filter(r -> r.caseId().equals(account))).hasSize(1);
    assertThat(gateway.received.stream().filter(r -> r.caseId().equals(post))).singleElement()
        .isInstanceOf(Request.RemovalOrder.class);
  }

  @Test
  void theCommandLineDecidesAtTheDeskAndCannotApprove() throws Exception {
    CaseId account;
    try (CordonRuntime cli = CordonRuntime.open(Settings.embedded(cliData))) {
      account = accountCase(cli, "cli-acc-1");
    }
    Run first = cordon("decide", Long.toString(account.value()), "--refer", "incites", "--reason", "recruiter", "--analyst", "carol",
        "--data", cliData.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("awaits approval").contains("nothing goes out");
    Run second = cordon("decide", Long.toString(account.value()), "--refer", "incites", "--type", "removal_order", "--reason", "as dave",
        "--analyst", "dave", "--data", cliData.toString());
    assertThat(second.exit()).isZero();
    assertThat(second.out()).as("another name on the command line is one more proposal, not an approval").contains("awaits approval");
    assertThat(cordon("decide", "--help").out()).doesNotContain("--approve");

    RecordingGateway platform = new RecordingGateway(X);
    try (CordonRuntime cli = CordonRuntime.open(Settings.embedded(cliData))) {
      cli.useGateways(Map.of(X, platform));
      cli.dispatcher().sendPending();
      assertThat(cli.deskService().decisions().awaitingApproval(100)).hasSize(2);
    }
    assertThat(platform.received).isEmpty();
  }

  @Test
  void theConsoleShowsTheDesksQueueProposalsAndClocksAndItsFormsHaveTheDesksFields() throws Exception {
    CaseId kase = postCase(runtime, "console-1");
    JsonNode proposal = ok(send(post("/api/v1/desk/cases/" + kase.value() + "/decisions", "alice",
        "{\"kind\":\"refer\",\"requestType\":\"removal_order\",\"category\":\"threatens\",\"note\":\"placeholder threat <b>bold</b>\"}")));
    CaseId open = postCase(runtime, "console-2");

    HttpResponse<String> page = send(as(get("/"), "bob"));

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<table id=\"queue\">").contains("<th>Clock</th>").contains("data-case=\"" + open.value() + "\"")
        .containsPattern("\\d+ min left|BREACHED").contains("nearing their target").contains("breached</span>");
    assertThat(html).contains("<table id=\"awaiting\">").contains("data-decision=\"" + proposal.get("decision").get("id").asLong() + "\"")
        .contains("placeholder threat &lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>").contains("second person");
    assertThat(html).contains("<table id=\"orders\">");
    for (String field : List.of("name=\"kind\"", "name=\"requestType\"", "name=\"category\"", "name=\"tier\"", "name=\"note\"",
        "value=\"removal_order\"", "value=\"solicits_participation\"", "value=\"threat_to_life\"", "class=\"approve\"", "class=\"refuse\"")) {
      assertThat(html).as(field).contains(field);
    }
    assertThat(html).as("no inline script under the CSP").doesNotContainPattern("<script>[^<]").contains("<script src=\"/console.js\" defer>");
    HttpResponse<String> script = send(as(get("/console.js"), "bob"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
  }

  @Test
  void noDeskEndpointTakesWhatACrossSiteFormCanSend() throws Exception {
    CaseId kase = postCase(runtime, "csrf-1");
    String body = "{\"kind\":\"dismiss\",\"note\":\"from another site\"}";
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
      HttpRequest.Builder decide = as(HttpRequest.newBuilder(base.resolve("/api/v1/desk/cases/" + kase.value() + "/decisions"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type), "alice");
      // 415, which the error page's dispatch (outside the signed-in request) turns into 403: refused either way
      assertThat(send(decide).statusCode()).as(type).isIn(403, 415);
      HttpRequest.Builder selectors = as(HttpRequest.newBuilder(base.resolve("/api/v1/desk/units/frpol/selectors/import"))
          .POST(HttpRequest.BodyPublishers.ofString("kind,value\nhandle,someone\n")).header("Content-Type", type), "lou");
      assertThat(send(selectors).statusCode()).as(type).isIn(403, 415);
    }
    assertThat(runtime.deskService().decisions().trail(kase)).isEmpty();
    assertThat(runtime.deskService().intelligence().selectors("frpol")).noneMatch(sel -> sel.toString().contains("someone"));
  }

  // ------------------------------------------------------------------------------------------

  record Run(int exit, String out, String err) {}

  static synchronized Run cordon(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = CordonCommand.commandLine().execute(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
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
