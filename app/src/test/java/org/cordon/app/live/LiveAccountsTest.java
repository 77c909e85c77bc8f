package org.cordon.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.ingest.Connectors;
import org.cordon.risk.AccountRisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live account state inside the pipeline, on a real database: posts give their authors a
 * language and a risk, a risky account becomes one account case that is updated (not duplicated),
 * a platform's "removed" answer for an account suspends it, and all of it survives a restart.
 */
class LiveAccountsTest {
  static final Platform X = Platform.X;
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path data;

  static String post(String id, String author, String text) {
    return "{\"kind\":\"post\",\"platform\":\"x\",\"id\":\"" + id + "\",\"author_id\":\"" + author + "\",\"posted_at\":\""
        + NOW.minus(1, ChronoUnit.HOURS) + "\",\"text\":\"" + text + "\",\"media_ids\":[],\"hashtags\":[],\"mentions\":[],\"links\":[]}\n";
  }

  static String follow(String from, String to) {
    return "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\"}\n";
  }

  static void ingest(LivePipeline pipeline, String body) throws Exception {
    pipeline.ingest(Connectors.forFormat("cordon-jsonl"), "test", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRiskyAccountBecomesOneAccountCaseThatIsReassessedAndEverythingSurvivesARestart() throws Exception {
    Files.writeString(data.resolve("lexicon.csv"), "term,language,weight,tier\nlanternfront,en,0.6,official_propaganda\n");
    AccountKey risky = AccountKey.of(X, "500");
    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data))) {
      Case firstCase;
      int scored;
      try (LivePipeline pipeline = new LivePipeline(runtime, MediaResolver.none())) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
          body.append(post("p" + i, "500", "carry the lanternfront light forward, placeholder number " + i));
        }
        body.append(post("plain", "501", "what a lovely morning for a walk in the park with friends"));
        body.append(follow("501", "500")).append(follow("502", "501"));
        ingest(pipeline, body.toString());

        assertThat(runtime.stores().observations().post(PostKey.of(X, "plain")).orElseThrow().language())
            .as("the language is recorded with the post").contains("en");
        AccountRisk risk = pipeline.accounts().risk(risky).orElseThrow();
        assertThat(risk.flagged()).as("precondition: twenty flagged posts of twenty cross the model's threshold: " + risk.summary()).isTrue();

        pipeline.accounts().runNow();
        firstCase = runtime.stores().cases().findBySubject(risky).orElseThrow();
        assertThat(firstCase.state()).isEqualTo(CaseState.OPEN);
        assertThat(firstCase.assessment().signals()).isNotEmpty().allMatch(s -> s.kind().equals(AccountRisk.SIGNAL_KIND));
        assertThat(firstCase.assessment().explanation()).startsWith("account risk");
        assertThat(firstCase.assessment().signals().getFirst().evidence()).containsKey("feature").containsKey("evidence");

        StringBuilder more = new StringBuilder();
        for (int i = 20; i < 30; i++) {
          more.append(post("p" + i, "500", "lanternfront placeholder again " + i));
        }
        ingest(pipeline, more.toString());
        pipeline.accounts().runNow();
        Case updated = runtime.stores().cases().findBySubject(risky).orElseThrow();
        assertThat(updated.id()).as("re-assessed in its case, not a new case").isEqualTo(firstCase.id());
        assertThat(updated.firstSeen()).isEqualTo(firstCase.firstSeen());

        // a platform answers "removed" for a referral of the account
        RequestStore requests = pipeline.accounts().tellingRemovals(runtime.stores().requests());
        Request request = requests.create(new Request.Referral(new RequestId(1), firstCase.id(), X, risky, List.of("https://x.invalid/500"),
            "glorifies", "live-accounts-test-1", List.of()));
        requests.appendStatus(request.id(), new StatusChange(RequestStatus.REMOVED, NOW, "account suspended"));
        assertThat(pipeline.accounts().lineage(risky).suspendedAt()).containsKey(risky);
        scored = pipeline.accounts().scoredAccounts();
        assertThat(pipeline.accounts().neighbourhood(risky, 2, 50)).as("a flagged account anchors the graph, its stored follows read back")
            .hasValueSatisfying(n -> assertThat(n.distances()).containsKey(AccountKey.of(X, "501")));
      }

      // restart: a new pipeline on the same database rebuilds risk and graph (two hops, read in two
      // passes) and knows the suspension
      try (LivePipeline again = new LivePipeline(runtime, MediaResolver.none())) {
        assertThat(again.accounts().scoredAccounts()).isEqualTo(scored);
        assertThat(again.accounts().risk(risky).orElseThrow().flagged()).isTrue();
        assertThat(again.accounts().lineage(risky).suspendedAt()).containsKey(risky);
        assertThat(again.accounts().neighbourhood(risky, 2, 50))
            .hasValueSatisfying(n -> assertThat(n.distances()).containsKeys(AccountKey.of(X, "501"), AccountKey.of(X, "502")));
      }
    }
  }

  @Test
  void aReturningAccountsCaseExplainsTheLinkAndItsPredecessorsTier() {
    ReturningAccounts.Match match = new ReturningAccounts.Match(AccountKey.of(X, "2"), AccountKey.of(X, "1"), 0.97,
        new org.cordon.core.signal.Signal(AccountKey.of(X, "2"), "returning-account", 0.97, Optional.empty(),
            "looks like suspended account @old, score 0.97", java.util.Map.of("predecessor", "x:account:1")),
        Optional.of(Tier.GRAPHIC_VIOLENCE), NOW);

    Assessment a = LiveAccounts.accountAssessment(AccountKey.of(X, "2"), Optional.empty(), Optional.of(match), NOW);

    assertThat(a.flagged()).isTrue();
    assertThat(a.tier()).contains(Tier.GRAPHIC_VIOLENCE);
    assertThat(a.score()).isEqualTo(0.97);
    assertThat(a.explanation()).contains("returning account").contains("@old").contains("x:account:1");
    assertThat(a.signals()).extracting(org.cordon.core.signal.Signal::kind).containsExactly("returning-account");
  }

}
