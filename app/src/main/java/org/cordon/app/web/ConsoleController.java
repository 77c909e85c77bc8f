package org.cordon.app.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.model.Account;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;
import org.cordon.desk.Category;
import org.cordon.desk.DecisionEntry;
import org.cordon.desk.DeskPriority;
import org.cordon.desk.OrderClock;
import org.cordon.desk.RequestType;
import org.cordon.desk.TriageQueue;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * The console: the desk's queue (priority, tier, clock, breaches), the proposals awaiting a second
 * person, the removal orders' one-hour clocks, and forms to decide, approve and refuse. Deciding
 * goes through the desk's API ({@code /api/v1/desk/...}) from {@code /console.js}, as JSON, so the
 * same four-eyes, holds and dedupe apply as for any client, and a cross-site form cannot post a
 * decision (a JSON request needs the browser's preflight, which another site does not pass). After a
 * decision or a verdict the page is read again, so what it shows is the desk's state, not the
 * script's guess; a proposal is offered for approval to everyone but the person who made it.
 *
 * <p>Every piece of text read from a post is escaped and isolated for bidi, so markup and
 * right-to-left overrides in content cannot change the page; the page loads nothing remote and runs
 * no inline script (see the content security policy).
 */
@RestController
class ConsoleController {
  static final int QUEUE_ROWS = 100;

  private final CordonRuntime runtime;

  ConsoleController(CordonRuntime runtime) {
    this.runtime = runtime;
  }

  @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
  String console(Authentication reader) {
    Instant now = runtime.clock().instant();
    var desk = runtime.deskService();
    TriageQueue.View queue = desk.queue().queue(QUEUE_ROWS);
    List<DecisionEntry> awaiting = desk.decisions().awaitingApproval(200);
    List<OrderClock> orders = desk.orderClocks().open(100);
    StringBuilder html = new StringBuilder(32_768);
    html.append("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Cordon: the desk</title>
        <style>
          body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
          table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
          th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
          th{background:#f3f3f3}
          .content{unicode-bidi:isolate;white-space:pre-wrap;max-width:36rem;overflow-wrap:anywhere}
          .t-threat_to_life{color:#a00;font-weight:bold}.t-graphic_violence{color:#b35900;font-weight:bold}
          .num{text-align:right;font-variant-numeric:tabular-nums}
          .c-breached{color:#a00;font-weight:bold}.c-nearing{color:#b35900;font-weight:bold}
          form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0 1.5rem}
          label{display:flex;flex-direction:column;font-size:.85rem}
          #result{white-space:pre-wrap;padding:.5rem;border:1px solid #ccc;min-height:1.5rem}
        </style>
        <script src="/console.js" defer></script>
        </head><body>
        <h1>The desk</h1>
        <p>Every decision goes through the desk: four-eyes, deconfliction holds and dedupe apply
        (<a href="/swagger-ui/index.html">API documentation</a>).</p>
        """);
    html.append("<p id=\"counts\">").append(queue.open()).append(" open, <span class=\"c-nearing\">").append(queue.nearing())
        .append(" nearing their target</span>, <span class=\"c-breached\">").append(queue.breached()).append(" breached</span></p>\n");
    html.append("<p id=\"count\">").append(queue.items().size()).append(" open case").append(queue.items().size() == 1 ? "" : "s")
        .append(" shown</p>\n");
    decideForm(html);
    html.append("<div id=\"result\" role=\"status\" aria-live=\"polite\"></div>\n");

    html.append("<h2>Queue</h2>\n<table id=\"queue\"><thead><tr><th>Case</th><th title=\"place in the queue: by deadline, brought forward for severity and weight\">#</th><th>Tier</th><th>Open</th><th>Clock</th>"
        + "<th>Platform</th><th>Author</th><th>Content</th><th>Why</th><th></th></tr></thead><tbody>\n");
    int rank = 0;
    for (TriageQueue.Item item : queue.items()) {
      queueRow(html, item, ++rank);
    }
    html.append("</tbody></table>\n");

    html.append("<h2>Awaiting approval</h2>\n<p>A second person (a supervisor where the policy says so) approves or refuses; "
        + "nobody approves their own proposal.</p>\n");
    html.append("<table id=\"awaiting\"><thead><tr><th>Decision</th><th>Case</th><th>Request</th><th>Category</th><th>Tier</th>"
        + "<th>Proposed by</th><th>Needs</th><th>Waiting</th><th>Note</th><th></th></tr></thead><tbody>\n");
    for (DecisionEntry d : awaiting) {
      html.append("<tr data-decision=\"").append(d.id()).append("\"><td class=\"num\">").append(d.id())
          .append("</td><td class=\"num\">").append(d.caseId().value())
          .append("</td><td>").append(d.requestType().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("-"))
          .append("</td><td>").append(d.category().map(Category::key).orElse("-"))
          .append("</td><td>").append(escape(d.tier().map(Tier::label).orElse("-")))
          .append("</td><td><bdi>").append(escape(d.decidedBy())).append("</bdi>")
          .append("</td><td>").append(d.approval().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append("</td><td class=\"num\">").append(minutes(Duration.between(d.decidedAt(), now)))
          .append("</td><td><bdi>").append(escape(cut(d.note(), 300))).append("</bdi>")
          .append("</td><td>");
      if (d.decidedBy().equalsIgnoreCase(reader.getName())) {
        // the desk refuses a verdict on one's own proposal (four-eyes): offering the buttons would only invite a refusal
        html.append("<span class=\"own\">your proposal: another person approves or refuses it</span>");
      } else {
        html.append("<input class=\"verdict-reason\" name=\"reason\" placeholder=\"reason\" aria-label=\"reason\">")
            .append("<button type=\"button\" class=\"approve\" data-decision=\"").append(d.id()).append("\">Approve</button>")
            .append("<button type=\"button\" class=\"refuse\" data-decision=\"").append(d.id()).append("\">Refuse</button>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");

    html.append("<h2>Removal orders: one hour from receipt</h2>\n<table id=\"orders\"><thead><tr><th>Request</th><th>Platform</th>"
        + "<th>Reference</th><th>Status</th><th>Received</th><th>Due by</th><th>Clock</th></tr></thead><tbody>\n");
    for (OrderClock o : orders) {
      String clock = o.dueBy().isEmpty() ? "awaiting receipt"
          : o.overdue() ? "OVERDUE " + minutes(Duration.between(o.dueBy().get(), now)) + " ago"
          : minutes(Duration.between(now, o.dueBy().get())) + " left";
      html.append("<tr><td class=\"num\">").append(o.id().value()).append("</td><td>").append(escape(o.platform().name()))
          .append("</td><td>").append(escape(o.reference())).append("</td><td>").append(o.status().name().toLowerCase(Locale.ROOT))
          .append("</td><td>").append(o.receivedAt().map(Instant::toString).orElse("-"))
          .append("</td><td>").append(o.dueBy().map(Instant::toString).orElse("-"))
          .append("</td><td class=\"").append(o.overdue() ? "c-breached" : "").append("\">").append(clock).append("</td></tr>\n");
    }
    html.append("</tbody></table></body></html>\n");
    return html.toString();
  }

  /** The decision form: the desk's fields, posted as JSON by console.js. */
  private static void decideForm(StringBuilder html) {
    html.append("<h2>Decide</h2>\n<form id=\"decide\">")
        .append("<label>Case<input name=\"case\" type=\"number\" min=\"1\" required></label>")
        .append("<label>Decision<select name=\"kind\"><option value=\"refer\">refer</option><option value=\"dismiss\">dismiss</option>")
        .append("<option value=\"escalate\">escalate</option><option value=\"hold\">hold</option></select></label>")
        .append("<label>Request<select name=\"requestType\">");
    for (RequestType t : RequestType.values()) {
      String key = t.name().toLowerCase(Locale.ROOT);
      html.append("<option value=\"").append(key).append("\">").append(key.replace('_', ' ')).append("</option>");
    }
    html.append("</select></label><label>Category (TCO Art. 2(7))<select name=\"category\">");
    for (Category c : Category.values()) {
      html.append("<option value=\"").append(c.key()).append("\">").append(c.key().replace('_', ' ')).append("</option>");
    }
    html.append("</select></label><label>Tier<select name=\"tier\"><option value=\"\">as assessed</option>");
    for (Tier t : Tier.values()) {
      html.append("<option value=\"").append(t.key()).append("\">").append(escape(t.label())).append("</option>");
    }
    html.append("</select></label><label>Reason<input name=\"note\" required size=\"40\"></label>")
        .append("<label title=\"the open cases that matched the same hash-list entry, statement or listed URL\">")
        .append("<input name=\"withCopies\" type=\"checkbox\"> and its copies (same known content)</label>")
        .append("<button type=\"submit\">Record decision</button></form>\n");
  }

  private void queueRow(StringBuilder html, TriageQueue.Item item, int rank) {
    Optional<Case> kase = runtime.stores().cases().find(item.caseId());
    Optional<Post> post = item.subject() instanceof PostKey key ? runtime.stores().observations().post(key) : Optional.empty();
    String author = post.flatMap(p -> runtime.stores().observations().account(p.author())).map(Account::handle)
        .orElse(item.subject().id());
    DeskPriority.Result p = item.priority();
    String clockClass = "c-" + p.clock().name().toLowerCase(Locale.ROOT);
    String clock = switch (p.clock()) {
      case ON_TIME -> minutes(p.remaining()) + " left";
      case NEARING -> minutes(p.remaining()) + " left (nearing)";
      case BREACHED -> "BREACHED " + minutes(p.remaining().negated()) + " ago";
    } + item.claim().map(c -> " · claimed by " + c.claimedBy()).orElse("");
    html.append("<tr data-case=\"").append(item.caseId().value()).append("\"><td class=\"num\">").append(item.caseId().value())
        .append("</td><td class=\"num\">").append(rank)
        .append("</td><td class=\"t-").append(escape(item.tier().map(Tier::key).orElse("none"))).append("\">")
        .append(escape(item.tier().map(Tier::label).orElse("-")))
        .append("</td><td class=\"num\">").append(minutes(p.age()))
        .append("</td><td class=\"").append(clockClass).append("\">").append(escape(clock))
        .append("</td><td>").append(escape(item.subject().platform().name()))
        .append("</td><td><bdi>").append(escape(author))
        .append("</bdi></td><td><div class=\"content\"><bdi>").append(escape(post.map(x -> cut(x.text(), 500)).orElse("")))
        .append("</bdi></div></td><td><bdi>").append(escape(cut(kase.map(c -> c.assessment().explanation()).orElse(""), 300)))
        .append("</bdi></td><td><button type=\"button\" class=\"pick\" data-case=\"").append(item.caseId().value()).append("\">Decide</button></td></tr>\n");
  }

  /** The console's script: no inline script runs under the page's content security policy. */
  @GetMapping(path = "/console.js", produces = "text/javascript")
  String script() {
    return """
        'use strict';
        // Decisions and verdicts go to the desk's API as JSON; answers are shown as text, never as markup.
        const RESULT_KEY = 'cordon.console.result';
        function show(text) { document.getElementById('result').textContent = text; }
        async function post(path, body) {
          // From the origin, never from the page's address: an address with user:password@ in it (a sign-in
          // typed into the address bar) would make fetch refuse every request it resolves against it.
          const url = new URL(path, window.location.origin);
          show('Sending…');
          let response;
          try {
            response = await fetch(url, {method: 'POST', credentials: 'same-origin',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'},
                body: JSON.stringify(body)});
          } catch (e) {
            show('Not sent: ' + e.message + '. Check the connection and try again.');
            return null;
          }
          const text = await response.text();
          let answer;
          try { answer = JSON.parse(text); } catch (e) { answer = text; }
          if (!response.ok) {
            const why = response.status === 401 ? 'sign in again (your session was not accepted)'
                : answer && answer.detail ? answer.detail
                : answer && answer.error ? answer.error
                : text || response.statusText;
            show('Refused (' + response.status + '): ' + why);
            return null;
          }
          return answer;
        }
        // ids are records: {"value": n}
        function id(x) { return x !== null && typeof x === 'object' && 'value' in x ? x.value : x; }
        function describe(outcome) {
          const d = outcome.decision;
          let line = 'Decision ' + d.id + ' on case ' + id(d.caseId) + ': ' + d.kind.toLowerCase() + ', ' + d.state.toLowerCase().replace(/_/g, ' ');
          if (outcome.request) { line += '; request ' + id(outcome.request.id) + (outcome.joinedExisting ? ' (joined)' : ' (new)'); }
          if (outcome.holds && outcome.holds.some(h => h.active)) { line += '; held for deconfliction'; }
          return line;
        }
        // The page is the desk's state, rendered by the server: after a decision it is read again (the
        // queue, the proposals and the clocks change), and the answer is carried over the reload.
        function recorded(outcome, more) {
          const text = describe(outcome) + (more || '');
          try { sessionStorage.setItem(RESULT_KEY, text); } catch (e) { show(text); return; }
          window.location.reload();
        }
        document.addEventListener('DOMContentLoaded', () => {
          let carried = null;
          try { carried = sessionStorage.getItem(RESULT_KEY); sessionStorage.removeItem(RESULT_KEY); } catch (e) { carried = null; }
          if (carried) { show(carried); }
          const form = document.getElementById('decide');
          form.addEventListener('submit', async event => {
            event.preventDefault();
            const f = new FormData(form);
            const body = {kind: f.get('kind'), note: f.get('note')};
            if (body.kind === 'refer') {
              body.requestType = f.get('requestType');
              body.category = f.get('category');
              if (f.get('tier')) { body.tier = f.get('tier'); }
            }
            const path = '/api/v1/desk/cases/' + encodeURIComponent(f.get('case')) + '/decisions';
            if (f.get('withCopies')) {
              const all = await post(path + '/with-copies', body);
              if (all) { recorded(all.lead, ' — and ' + all.copies.length + ' cop' + (all.copies.length === 1 ? 'y' : 'ies') + ' of the same content'); }
              return;
            }
            const outcome = await post(path, body);
            if (outcome) { recorded(outcome); }
          });
          document.querySelectorAll('button.pick').forEach(b => b.addEventListener('click', () => {
            form.elements['case'].value = b.dataset.case;
            form.scrollIntoView({block: 'nearest'});
            form.elements['note'].focus();
          }));
          document.querySelectorAll('button.approve, button.refuse').forEach(b => b.addEventListener('click', async () => {
            const reason = b.closest('tr').querySelector('input.verdict-reason').value;
            const verdict = b.classList.contains('approve') ? 'approval' : 'refusal';
            const outcome = await post('/api/v1/desk/decisions/' + encodeURIComponent(b.dataset.decision) + '/' + verdict, {reason: reason});
            if (outcome) { recorded(outcome); }
          }));
        });
        """;
  }

  /**
   * The framework's own refusals (a body that is not JSON, an unsupported content type, a malformed
   * number in the path) as problem details, written at once. Left to the container's error page they
   * were dispatched again outside the signed-in request, and a client saw 403 for what was a 415 or a
   * 400, and no reason. Nested here so the console's script (which shows {@code detail}) and any other
   * client get the real status; registered with the console as a member class.
   */
  @RestControllerAdvice
  static final class FrameworkRefusals extends ResponseEntityExceptionHandler {}

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String minutes(Duration d) {
    long m = Math.max(0, d.toMinutes());
    return m < 60 ? m + " min" : m / 60 + " h " + m % 60 + " min";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
