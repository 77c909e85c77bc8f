package org.cordon.app.web;

import java.util.List;
import java.util.NoSuchElementException;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.web.ApiViews.CaseView;
import org.cordon.core.triage.CaseId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases to read: the open cases by stored priority, and one case with its content, signals and
 * the desk's decisions on it. Deciding is the desk's alone ({@code /api/v1/desk/cases/{id}/decisions},
 * {@link DeskController}), so that four-eyes, holds and dedupe hold for every decision; the
 * foundation's {@code POST /api/v1/cases/{id}/decisions}, which skipped them, is gone.
 */
@RestController
@RequestMapping("/api/v1")
class CaseController {
  private final CordonRuntime runtime;

  CaseController(CordonRuntime runtime) {
    this.runtime = runtime;
  }

  /** Open cases by stored priority; the desk's queue ({@code /api/v1/desk/queue}) adds the clocks. */
  @GetMapping("/queue")
  List<CaseView> queue(@RequestParam(defaultValue = "50") int limit) {
    var now = runtime.clock().instant();
    return runtime.stores().cases().queue(Math.clamp(limit, 1, 1000)).stream()
        .map(c -> CaseView.of(c, now, runtime.stores().observations(), runtime.deskService().decisions().trail(c.id()))).toList();
  }

  @GetMapping("/cases/{id}")
  CaseView find(@PathVariable long id) {
    return runtime.stores().cases().find(new CaseId(id))
        .map(c -> CaseView.of(c, runtime.clock().instant(), runtime.stores().observations(), runtime.deskService().decisions().trail(c.id())))
        .orElseThrow(() -> new NoSuchElementException("no case " + id));
  }
}
