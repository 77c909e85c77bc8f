package org.cordon.app.cli;

import java.util.concurrent.Callable;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.Decision;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon decide CASE --refer CATEGORY --reason TEXT}: an analyst's decision from a terminal. */
@Command(name = "decide", mixinStandardHelpOptions = true,
    description = "Records an analyst's decision on a case: refer (with a category) or dismiss. The request is sent by 'serve'.")
final class DecideCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case number.")
  long caseId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--refer", paramLabel = "CATEGORY", description = "Refer to the platform under this category (e.g. glorifies, incites).")
    String referCategory;

    @Option(names = "--dismiss", description = "Not actionable.")
    boolean dismiss;
  }

  @Option(names = "--reason", required = true, description = "Why: recorded with the decision.")
  String reason;

  @Option(names = "--analyst", defaultValue = "${env:USER:-analyst}", description = "Who decides (default: ${DEFAULT-VALUE}).")
  String analyst;

  @Override
  public Integer call() throws Exception {
    Decision decision = choice.dismiss ? new Decision.Dismiss() : new Decision.Refer(choice.referCategory);
    try (CordonRuntime runtime = CordonRuntime.open(store.settings())) {
      Case decided = runtime.desk().decide(new CaseId(caseId), decision, new Actor.Analyst(analyst), reason);
      System.out.println("case " + decided.id() + " is now " + decided.state().name().toLowerCase(java.util.Locale.ROOT)
          + " (decided by " + analyst + ")");
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("cordon decide: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
