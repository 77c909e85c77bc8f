package org.cordon.app.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.web.ApiViews.CaseView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The first console page: the triage queue as one plain HTML table. Every piece of text read from a
 * post is escaped and isolated for bidi, so markup and right-to-left overrides in content cannot
 * change the page; the page loads nothing remote (see the content security policy).
 */
@RestController
class ConsoleController {
  private final CordonRuntime runtime;

  ConsoleController(CordonRuntime runtime) {
    this.runtime = runtime;
  }

  @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
  String queue() {
    Instant now = runtime.clock().instant();
    List<CaseView> cases = runtime.stores().cases().queue(200).stream()
        .map(c -> CaseView.of(c, now, runtime.stores().observations())).toList();
    StringBuilder html = new StringBuilder(16_384);
    html.append("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Cordon: triage queue</title>
        <style>
          body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
          table{border-collapse:collapse;width:100%}
          th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
          th{background:#f3f3f3}
          .content{unicode-bidi:isolate;white-space:pre-wrap;max-width:40rem;overflow-wrap:anywhere}
          .t-threat_to_life{color:#a00;font-weight:bold}.t-graphic_violence{color:#b35900;font-weight:bold}
          .num{text-align:right;font-variant-numeric:tabular-nums}
        </style></head><body>
        <h1>Triage queue</h1>
        <p>Open cases, most urgent first. Decide through the API: <code>POST /api/v1/cases/{id}/decisions</code>
        (<a href="/swagger-ui/index.html">API documentation</a>).</p>
        """);
    html.append("<p id=\"count\">").append(cases.size()).append(" open case").append(cases.size() == 1 ? "" : "s").append("</p>\n");
    html.append("<table><thead><tr><th>Case</th><th>Priority</th><th>Tier</th><th>Open</th><th>Platform</th><th>Author</th>"
        + "<th>Content</th><th>Why</th></tr></thead><tbody>\n");
    for (CaseView c : cases) {
      html.append("<tr><td class=\"num\">").append(c.id())
          .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.3f", c.priority()))
          .append("</td><td class=\"t-").append(escape(c.tier().orElse("none"))).append("\">").append(escape(c.tierLabel().orElse("-")))
          .append("</td><td class=\"num\">").append(c.openMinutes()).append(" min")
          .append("</td><td>").append(escape(c.subject().platform()))
          .append("</td><td><bdi>").append(escape(c.post().flatMap(ApiViews.PostView::authorHandle).orElse(c.subject().id())))
          .append("</bdi></td><td><div class=\"content\"><bdi>").append(escape(c.post().map(p -> cut(p.text(), 500)).orElse("")))
          .append("</bdi></div></td><td><bdi>").append(escape(cut(c.explanation(), 300))).append("</bdi></td></tr>\n");
    }
    html.append("</tbody></table></body></html>\n");
    return html.toString();
  }

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
