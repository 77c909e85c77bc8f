package org.cordon.app.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.desk.Category;
import org.cordon.desk.DecisionDraft;
import org.cordon.desk.DecisionKind;
import org.cordon.desk.DeskRefusal;
import org.cordon.desk.DeskUser;
import org.cordon.desk.Outcome;
import org.cordon.desk.RequestType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon decide CASE --refer CATEGORY --reason TEXT}: an analyst's decision from a terminal,
 * recorded by the desk like any other, so four-eyes, holds and dedupe apply. From a terminal one is
 * always an analyst, never an approver: a referral that needs a second person waits for one in the
 * console or the API, where who approves is the signed-in user and not a name typed on a command line.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
    description = {"Records an analyst's decision on a case at the desk: refer (with a category and a request type), dismiss, escalate or hold.",
        "A referral that needs four-eyes approval (account referrals and removal orders by default) waits for a second person in the console or the API.",
        "The request is sent by 'serve'."})
final class DecideCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case number.")
  long caseId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--refer", paramLabel = "CATEGORY",
        description = "Refer under this TCO Art. 2(7) category: incites, glorifies, solicits, solicits_participation, instructs, threatens.")
    String referCategory;

    @Option(names = "--dismiss", description = "Not actionable.")
    boolean dismiss;

    @Option(names = "--escalate", description = "Ask a supervisor to look.")
    boolean escalate;

    @Option(names = "--hold", description = "Keep the case open without a request.")
    boolean hold;
  }

  @Option(names = "--type", defaultValue = "referral", paramLabel = "TYPE",
      description = "With --refer: referral (voluntary, default) or removal_order (binding, TCO Art. 3).")
  String requestType;

  @Option(names = "--tier", paramLabel = "TIER", description = "With --refer: the tier you give (threat_to_life, graphic_violence, official_propaganda, promotional).")
  String tier;

  @Option(names = "--reason", required = true, description = "Why: recorded with the decision.")
  String reason;

  @Option(names = "--analyst", defaultValue = "${env:USER:-analyst}", description = "Who decides (default: ${DEFAULT-VALUE}).")
  String analyst;

  @Override
  public Integer call() throws Exception {
    try (CordonRuntime runtime = CordonRuntime.open(store.settings())) {
      Outcome outcome = runtime.deskService().decisions().decide(DeskUser.analyst(analyst), draft());
      System.out.println(describe(outcome));
    } catch (DeskRefusal | IllegalArgumentException | IllegalStateException e) {
      System.err.println("cordon decide: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  DecisionDraft draft() {
    CaseId id = new CaseId(caseId);
    if (choice.referCategory != null) {
      return DecisionDraft.refer(id, RequestType.parse(requestType), Category.parse(choice.referCategory),
          Optional.ofNullable(tier).map(Tier::parse), reason);
    }
    if (tier != null) {
      throw new IllegalArgumentException("--tier goes with --refer");
    }
    DecisionKind kind = choice.dismiss ? DecisionKind.DISMISS : choice.escalate ? DecisionKind.ESCALATE : DecisionKind.HOLD;
    return DecisionDraft.of(id, kind, reason);
  }

  static String describe(Outcome outcome) {
    var d = outcome.decision();
    StringBuilder line = new StringBuilder("decision ").append(d.id()).append(" on case ").append(d.caseId().value()).append(": ")
        .append(d.kind().name().toLowerCase(Locale.ROOT));
    d.requestType().ifPresent(t -> line.append(' ').append(t.name().toLowerCase(Locale.ROOT)));
    d.category().ifPresent(c -> line.append(" (").append(c.key()).append(')'));
    line.append(" by ").append(d.decidedBy());
    switch (d.state()) {
      case AWAITING_APPROVAL -> line.append("; awaits approval by ").append(d.approval().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(": nothing goes out until then");
      case NOT_NEEDED, APPROVED, REFUSED, SUPERSEDED -> { }
    }
    outcome.request().ifPresent(r -> line.append("; request ").append(r.id().value()).append(outcome.joinedExisting() ? " (joined)" : " (new)")
        .append(outcome.dispatchable() ? ", goes out with the next dispatch" : ", held for deconfliction"));
    return line.toString();
  }
}
