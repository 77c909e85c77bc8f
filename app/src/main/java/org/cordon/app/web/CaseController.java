package org.cordon.app.web;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.web.ApiViews.CaseView;
import org.cordon.app.web.ApiViews.DecisionCommand;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.Decision;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The triage queue and decisions on its cases. */
@RestController
@RequestMapping("/api/v1")
class CaseController {
  private final CordonRuntime runtime;

  CaseController(CordonRuntime runtime) {
    this.runtime = runtime;
  }

  /** Open cases, most urgent first. */
  @GetMapping("/queue")
  List<CaseView> queue(@RequestParam(defaultValue = "50") int limit) {
    var now = runtime.clock().instant();
    return runtime.stores().cases().queue(Math.clamp(limit, 1, 1000)).stream()
        .map(c -> CaseView.of(c, now, runtime.stores().observations())).toList();
  }

  @GetMapping("/cases/{id}")
  CaseView find(@PathVariable long id) {
    return runtime.stores().cases().find(new CaseId(id))
        .map(c -> CaseView.of(c, runtime.clock().instant(), runtime.stores().observations()))
        .orElseThrow(() -> new NoSuchElementException("no case " + id));
  }

  /**
   * Records the signed-in analyst's decision. Refer needs a category (e.g. glorifies, incites);
   * every decision needs a reason. A decided case cannot be decided again: a correction is a new case.
   */
  @PostMapping("/cases/{id}/decisions")
  CaseView decide(@PathVariable long id, @RequestBody DecisionCommand command, Authentication who) {
    Decision decision = switch (command.decision() == null ? "" : command.decision().toLowerCase(Locale.ROOT)) {
      case "refer" -> new Decision.Refer(command.category().filter(c -> !c.isBlank())
          .orElseThrow(() -> new IllegalArgumentException("refer needs a category (e.g. glorifies, incites): add one and resubmit")));
      case "dismiss" -> new Decision.Dismiss();
      default -> throw new IllegalArgumentException("decision is 'refer' or 'dismiss', not '" + command.decision() + "'");
    };
    String reason = command.reason() == null ? "" : command.reason();
    var decided = runtime.desk().decide(new CaseId(id), decision, new Actor.Analyst(who.getName()), reason);
    return CaseView.of(decided, runtime.clock().instant(), runtime.stores().observations());
  }
}
