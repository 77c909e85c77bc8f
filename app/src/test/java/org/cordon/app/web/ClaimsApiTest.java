package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How analysts share the queue over HTTP: claims (take the next case, see who holds what, keep out
 * of each other's way) and copies (decide the re-posts of one release together).
 */
class ClaimsApiTest {
  @TempDir static Path data;
  static RunningCordon cordon;
  static CordonRuntime runtime;
  static final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void start() throws Exception {
    cordon = RunningCordon.start(data, """
        alice=ANALYST:{noop}alice-pw
        bob=ANALYST:{noop}bob-pw
        sue=SUPERVISOR:{noop}sue-pw
        lou=LIAISON,UNIT_frpol:{noop}lou-pw
        """);
    runtime = cordon.runtime;
  }

  @AfterAll
  static void stop() {
    if (cordon != null) {
      cordon.close();
    }
  }

  private static HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
    return cordon.call(method, path, user, body);
  }

  @Test
  void analystsTakeDifferentCasesSeeWhoHoldsWhatAndCannotDecideAnotherAnalystsCase() throws Exception {
    CaseId first = FourEyesEverywhereTest.postCase(runtime, "claims-1");
    CaseId second = FourEyesEverywhereTest.postCase(runtime, "claims-2");

    HttpResponse<String> forAlice = call("POST", "/api/v1/desk/queue/next", "alice", null);
    HttpResponse<String> forBob = call("POST", "/api/v1/desk/queue/next", "bob", null);
    assertThat(forAlice.statusCode()).as(forAlice.body()).isEqualTo(200);
    assertThat(forBob.statusCode()).as(forBob.body()).isEqualTo(200);
    long alices = json.readTree(forAlice.body()).get("caseId").get("value").asLong();
    long bobs = json.readTree(forBob.body()).get("caseId").get("value").asLong();
    assertThat(java.util.Set.of(alices, bobs)).containsExactlyInAnyOrder(first.value(), second.value());
    assertThat(json.readTree(forAlice.body()).get("claim").get("claimedBy").asString()).isEqualTo("alice");

    JsonNode queue = json.readTree(call("GET", "/api/v1/desk/queue", "sue", null).body());
    java.util.Map<Long, String> holders = new java.util.HashMap<>();
    queue.get("items").forEach(i -> holders.put(i.get("caseId").get("value").asLong(), i.get("claim").get("claimedBy").asString()));
    assertThat(holders).containsEntry(alices, "alice").containsEntry(bobs, "bob");

    assertThat(call("POST", "/api/v1/desk/queue/next", "sue", null).statusCode()).as("nothing free is left").isEqualTo(204);
    HttpResponse<String> steal = call("POST", "/api/v1/desk/cases/" + alices + "/decisions", "bob",
        "{\"kind\":\"dismiss\",\"note\":\"placeholder: not theirs\"}");
    assertThat(steal.statusCode()).isEqualTo(409);
    assertThat(steal.body()).contains("claimed by alice");
    assertThat(call("POST", "/api/v1/desk/cases/" + alices + "/claim", "bob", null).statusCode()).isEqualTo(409);
    assertThat(call("DELETE", "/api/v1/desk/cases/" + alices + "/claim", "bob", null).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/v1/desk/cases/" + alices + "/claim", "lou", null).statusCode()).as("a liaison officer").isEqualTo(403);

    HttpResponse<String> own = call("POST", "/api/v1/desk/cases/" + alices + "/decisions", "alice",
        "{\"kind\":\"dismiss\",\"note\":\"placeholder: benign\"}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    HttpResponse<String> released = call("DELETE", "/api/v1/desk/cases/" + bobs + "/claim", "sue", null);
    assertThat(json.readTree(released.body()).get("released").asBoolean()).isTrue();
    HttpResponse<String> again = call("POST", "/api/v1/desk/cases/" + bobs + "/claim", "alice", null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("claimedBy").asString()).isEqualTo("alice");
  }

  private static CaseId releaseCopy(String id, String entry) {
    Post post = new Post(new PostKey(Platform.X, id),
        new AccountKey(Platform.X, "78"), Instant.now().minusSeconds(60), "placeholder repost " + id,
        Optional.of("en"), Optional.of("https://x.range.invalid/someone/status/" + id), List.of(), List.of(), List.of(), List.of(),
        List.of());
    runtime.stores().observations().write("copies", List.of(new ParsedRecord(
        new SourcePosition("copies", 1, 0), "{}".getBytes(StandardCharsets.UTF_8), List.of(post))));
    Signal signal = new Signal(post.key(), "media-hash", 0.99,
        Optional.of(Tier.OFFICIAL_PROPAGANDA), "release image", Map.of("list", "releases", "entry", entry));
    Assessment a = new Assessment(post.key(), 0.99, true,
        Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(signal), "release image", Instant.now());
    runtime.stores().inbox().recordAssessments(List.of(a));
    return runtime.stores().cases().openOrUpdate(a, 0.99, Instant.now().minusSeconds(60)).id();
  }

  @Test
  void theCopiesOfAReleaseAreListedAndReferredTogetherButThoseLeftOut() throws Exception {
    CaseId lead = releaseCopy("copy-1", "release 12");
    CaseId second = releaseCopy("copy-2", "release 12");
    CaseId report = releaseCopy("copy-3", "release 12");
    CaseId other = releaseCopy("copy-4", "release 13");

    JsonNode listed = json.readTree(call("GET", "/api/v1/desk/cases/" + lead.value() + "/copies", "alice", null).body());
    List<Long> ids = new ArrayList<>();
    listed.get("cases").forEach(n -> ids.add(n.asLong()));
    assertThat(ids).containsExactly(second.value(), report.value());
    assertThat(listed.get("keys").get(0).get("entry").asString()).isEqualTo("release 12");

    HttpResponse<String> decided = call("POST", "/api/v1/desk/cases/" + lead.value() + "/decisions/with-copies", "alice",
        "{\"kind\":\"refer\",\"requestType\":\"referral\",\"category\":\"glorifies\",\"note\":\"release repost\",\"leaveOut\":[" + report.value() + "]}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonNode result = json.readTree(decided.body());
    assertThat(result.get("copies")).hasSize(1);
    assertThat(result.get("copies").get(0).get("decision").get("caseId").get("value").asLong()).isEqualTo(second.value());
    assertThat(runtime.deskService().decisions().trail(report)).as("left out").isEmpty();
    assertThat(runtime.deskService().decisions().trail(other)).as("another release").isEmpty();
    assertThat(call("POST", "/api/v1/desk/cases/" + other.value() + "/decisions/with-copies", "lou",
        "{\"kind\":\"dismiss\",\"note\":\"x\"}").statusCode()).as("a liaison officer").isEqualTo(403);

    // leave the queue as found: the claims test reads its top
    for (CaseId left : List.of(report, other)) {
      assertThat(call("POST", "/api/v1/desk/cases/" + left.value() + "/decisions", "sue", "{\"kind\":\"dismiss\",\"note\":\"tidy up\"}").statusCode())
          .isEqualTo(200);
    }
  }
}
