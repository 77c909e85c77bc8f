package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Claims over HTTP: take the next case, see who holds what in the queue, and keep out of each other's way. */
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
}
