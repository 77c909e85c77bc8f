package org.cordon.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cordon.app.demo.DemoRun.DemoOptions;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Settings;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.triage.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cordon demo --once} on a small world: every step runs and the figures add up. */
class DemoRunTest {
  @TempDir Path data;

  @Test
  void theDemoRefersWhatTheSimulatedAnalystChoseAndSeesRemovalsComeBack() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = new DemoRun(new DemoOptions(data, 11, 400, 1, 40, true, 0), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(out).isZero();
    long posts = figure(out, "posts ingested");
    long referred = figure(out, "decided: referred");
    long dismissed = figure(out, "decided: dismissed");
    long sent = figure(out, "referrals sent to platforms");
    long removed = figure(out, "removed by the platform");
    long rejected = figure(out, "rejected by the platform");
    assertThat(posts).isPositive();
    assertThat(referred + dismissed).as("the analyst decided the cases it was given").isLessThanOrEqualTo(40).isPositive();
    assertThat(sent).as("one request per referred case").isEqualTo(referred);
    assertThat(removed + rejected).as("every sent referral answered").isLessThanOrEqualTo(sent).isPositive();
    assertThat(removed).isPositive();

    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data.resolve("demo")))) {
      var removedRequests = runtime.stores().requests().withStatus(RequestStatus.REMOVED, 1000);
      assertThat(removedRequests).hasSize((int) removed);
      for (var request : removedRequests) {
        Case c = runtime.stores().cases().find(request.caseId()).orElseThrow();
        assertThat(runtime.deskService().decisions().trail(c.id())).as("decided at the desk, by the labelled simulated analyst")
            .singleElement().satisfies(d -> assertThat(d.decidedBy()).isEqualTo("simulated:range-analyst"));
        assertThat(request.urls()).as("a referral names the content's URL").isNotEmpty();
      }
    }
  }

  static long figure(String out, String label) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + "\\s+(\\d+)$").matcher(out);
    assertThat(m.find()).as("'" + label + "' in:\n" + out).isTrue();
    return Long.parseLong(m.group(1));
  }
}
