package org.cordon.app.web;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.web.ApiViews.RequestView;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Referrals and removal orders, with their status histories. */
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {
  private final CordonRuntime runtime;

  RequestController(CordonRuntime runtime) {
    this.runtime = runtime;
  }

  @GetMapping
  List<RequestView> withStatus(@RequestParam String status, @RequestParam(defaultValue = "100") int limit) {
    RequestStatus s;
    try {
      s = RequestStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown status '" + status + "'; known: " + List.of(RequestStatus.values()));
    }
    return runtime.stores().requests().withStatus(s, Math.clamp(limit, 1, 1000)).stream().map(RequestView::of).toList();
  }

  @GetMapping("/{id}")
  RequestView find(@PathVariable long id) {
    return runtime.stores().requests().find(new RequestId(id)).map(RequestView::of)
        .orElseThrow(() -> new NoSuchElementException("no request " + id));
  }
}
