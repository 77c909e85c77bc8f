package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.desk.Category;
import org.cordon.desk.DecisionEntry;
import org.cordon.desk.DecisionKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (Debian's headless chromium): an analyst picks a case from the
 * queue and decides it with the form; an account referral proposed by one analyst is approved by
 * another, and goes out once; hostile post text stays inert text under the content security
 * policy; the console's own script raises no CSP violation. Each test seeds its own cases, and
 * checks what the browser did against the desk itself.
 */
class ConsoleBrowserTest {
  @TempDir static Path data;
  @TempDir static Path profiles;
  static RunningCordon cordon;
  static CordonRuntime runtime;
  static ConsoleBrowser browser;
  static final RecordingGateway gateway = new RecordingGateway(Platform.X);
  static final Platform X = Platform.X;

  @BeforeAll
  static void start() throws Exception {
    ConsoleBrowser.requireInstalled();
    cordon = RunningCordon.start(data, """
        alice=ANALYST:{noop}alice-pw
        bob=ANALYST:{noop}bob-pw
        carol=ANALYST:{noop}carol-pw
        """, in -> in.useGateways(Map.of(X, gateway)));
    runtime = cordon.runtime;
    browser = ConsoleBrowser.open(cordon.base, Files.createDirectory(profiles.resolve("shared")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (cordon != null) {
      cordon.close();
    }
  }

  /** Each test starts signed out, with the browser's console read empty, whatever the test before it left. */
  @BeforeEach
  void forgetTheTestBefore() {
    browser.signOut();
    browser.consoleMessages();
  }

  @Test
  void anAnalystDecidesAQueuedCaseWithTheFormAndTheDeskRecordsItUnderHerName() {
    CaseId kase = postCase("decide-1", "placeholder release text, part one", "poster_one");
    browser.signInAs("alice", "alice-pw");
    browser.open("/");

    WebElement row = queueRow(kase);
    assertThat(row.findElement(By.cssSelector("td.c-on_time")).getText()).as("the case's clock").matches("(\\d+ h )?\\d+ min left");
    row.findElement(By.cssSelector("button.pick")).click();
    WebElement form = browser.driver().findElement(By.id("decide"));
    assertThat(form.findElement(By.name("case")).getDomProperty("value")).as("Decide fills in the case").isEqualTo(Long.toString(kase.value()));
    new Select(form.findElement(By.name("kind"))).selectByValue("refer");
    new Select(form.findElement(By.name("requestType"))).selectByValue("referral");
    new Select(form.findElement(By.name("category"))).selectByValue("glorifies");
    form.findElement(By.name("note")).sendKeys("placeholder release: referred from the browser");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    String result = browser.awaitResult(text -> text.startsWith("Decision") || text.startsWith("Refused") || text.startsWith("Not sent"));
    assertThat(result).startsWith("Decision").contains("on case " + kase.value()).contains("refer").contains("(new)");
    assertThat(runtime.deskService().decisions().trail(kase)).singleElement().satisfies(d -> {
      assertThat(d.decidedBy()).isEqualTo("alice");
      assertThat(d.kind()).isEqualTo(DecisionKind.REFER);
      assertThat(d.category()).contains(Category.GLORIFIES);
      assertThat(d.note()).isEqualTo("placeholder release: referred from the browser");
      assertThat(d.state()).as("a post's referral needs no second person").isEqualTo(DecisionEntry.State.NOT_NEEDED);
    });
    assertThat(browser.rows("queue", "data-case", kase.value())).as("the referred case has left the queue on the page").isEmpty();
    assertNoScriptErrorsNorPolicyViolations();
  }

  @Test
  void anAnalystRefersAReleaseAndItsCopiesInOneGoFromTheForm() {
    CaseId lead = releaseCopy("copies-1", "release 31");
    CaseId copy = releaseCopy("copies-2", "release 31");
    CaseId otherRelease = releaseCopy("copies-3", "release 32");
    browser.signInAs("alice", "alice-pw");
    browser.open("/");

    queueRow(lead).findElement(By.cssSelector("button.pick")).click();
    WebElement form = browser.driver().findElement(By.id("decide"));
    new Select(form.findElement(By.name("kind"))).selectByValue("refer");
    new Select(form.findElement(By.name("requestType"))).selectByValue("referral");
    new Select(form.findElement(By.name("category"))).selectByValue("glorifies");
    form.findElement(By.name("note")).sendKeys("placeholder release and its reposts");
    form.findElement(By.name("withCopies")).click();
    form.findElement(By.cssSelector("button[type=submit]")).click();

    String result = browser.awaitResult(text -> text.startsWith("Decision") || text.startsWith("Refused") || text.startsWith("Not sent"));
    assertThat(result).startsWith("Decision").contains("on case " + lead.value()).contains("and 1 copy of the same content");
    assertThat(runtime.deskService().decisions().trail(copy)).singleElement().satisfies(d -> {
      assertThat(d.decidedBy()).isEqualTo("alice");
      assertThat(d.note()).contains("decided with case " + lead.value());
    });
    assertThat(runtime.deskService().decisions().trail(otherRelease)).as("another release waits").isEmpty();
    assertThat(browser.rows("queue", "data-case", copy.value())).isEmpty();
    assertThat(browser.rows("queue", "data-case", otherRelease.value())).hasSize(1);
    assertNoScriptErrorsNorPolicyViolations();
  }

  @Test
  void anAccountReferralProposedByOneAnalystGoesOutOnlyWhenAnotherApprovesItInTheBrowser() {
    CaseId kase = accountCase("propose-1");
    browser.signInAs("alice", "alice-pw");
    browser.open("/");
    queueRow(kase).findElement(By.cssSelector("button.pick")).click();
    WebElement form = browser.driver().findElement(By.id("decide"));
    new Select(form.findElement(By.name("kind"))).selectByValue("refer");
    new Select(form.findElement(By.name("requestType"))).selectByValue("referral");
    new Select(form.findElement(By.name("category"))).selectByValue("solicits_participation");
    form.findElement(By.name("note")).sendKeys("recruiter account, placeholder");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    assertThat(browser.awaitResult(text -> !text.isBlank() && !text.startsWith("Sending"))).contains("awaiting approval");
    DecisionEntry proposal = runtime.deskService().decisions().trail(kase).getFirst();
    assertThat(proposal.decidedBy()).isEqualTo("alice");
    assertThat(proposal.state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);
    WebElement own = browser.until(d -> browser.rows("awaiting", "data-decision", proposal.id()).stream().findFirst().orElse(null));
    assertThat(own.findElements(By.cssSelector("button.approve"))).as("nobody is offered to approve their own proposal").isEmpty();
    assertThat(own.getText()).contains("your proposal");
    runtime.dispatcher().sendPending();
    assertThat(gateway.about(kase)).as("one analyst alone sends nothing").isZero();
    assertNoScriptErrorsNorPolicyViolations();

    browser.signInAs("bob", "bob-pw");
    browser.open("/");
    WebElement awaiting = browser.rows("awaiting", "data-decision", proposal.id()).getFirst();
    awaiting.findElement(By.cssSelector("button.approve")).click();
    assertThat(browser.awaitResult(text -> text.startsWith("Refused"))).as("an approval without a reason is refused, visibly")
        .startsWith("Refused (400)").contains("needs a reason");
    awaiting.findElement(By.cssSelector("input.verdict-reason")).sendKeys("checked the account: placeholder recruiter");
    awaiting.findElement(By.cssSelector("button.approve")).click();

    assertThat(browser.awaitResult(text -> text.startsWith("Decision"))).contains("approved").contains("request");
    assertThat(runtime.deskService().decisions().find(proposal.id()).state()).isEqualTo(DecisionEntry.State.APPROVED);
    assertThat(browser.rows("awaiting", "data-decision", proposal.id())).as("the approved proposal has left the list").isEmpty();
    assertThat(browser.rows("queue", "data-case", kase.value())).as("and its case the queue").isEmpty();
    runtime.dispatcher().sendPending();
    assertThat(gateway.about(kase)).as("exactly one request goes out").isEqualTo(1);
    assertNoScriptErrorsNorPolicyViolations();
  }

  @Test
  void hostileTextInAPostStaysInertTextAndTheContentSecurityPolicyBlocksInlineScript() {
    String text = "placeholder \u202Etxet desrever\u202C zero\u200Bwidth\u200Djoiner \u0627\u0644\u0646\u0635 "
        + "<img src=x onerror=\"window.cordonInjected=1\"><script>window.cordonInjected=2</script> end";
    String handle = "\u202Ehandle_rtl<b onmouseover=\"window.cordonInjected=3\">x</b>";
    CaseId kase = postCase("hostile-1", text, handle);
    browser.signInAs("bob", "bob-pw");
    browser.open("/");

    WebElement row = queueRow(kase);
    assertThat(browser.driver().executeScript("return typeof window.cordonInjected")).isEqualTo("undefined");
    assertThat(row.findElements(By.cssSelector("img, script, b"))).as("no markup from the post reached the page").isEmpty();
    WebElement content = row.findElement(By.cssSelector("div.content bdi"));
    assertThat(content.getDomProperty("textContent")).as("shown as the very text, zero-width and bidi controls included").isEqualTo(text);
    assertThat(row.findElement(By.cssSelector("td bdi")).getDomProperty("textContent")).isEqualTo(handle);
    assertThat(browser.driver().executeScript("return getComputedStyle(arguments[0]).unicodeBidi", content)).isEqualTo("isolate");
    assertThat(row.findElements(By.tagName("td"))).as("a right-to-left override cannot eat the row's cells").hasSize(10);
    assertThat(row.findElement(By.cssSelector("button.pick")).getDomAttribute("data-case")).isEqualTo(Long.toString(kase.value()));
    assertNoScriptErrorsNorPolicyViolations();

    // the page's policy forbids inline script: one added now (as an injection would) does not run, and the browser says why
    Object ran = browser.driver().executeScript("""
        const s = document.createElement('script');
        s.textContent = 'window.cordonInline = 1';
        document.head.appendChild(s);
        document.body.setAttribute('onclick', 'window.cordonInline = 2');
        document.body.click();
        return typeof window.cordonInline;""");
    assertThat(ran).isEqualTo("undefined");
    assertThat(browser.consoleMessages()).as("the browser reports the blocked inline script")
        .anyMatch(m -> m.contains("Content Security Policy"));
  }

  @Test
  void aDecisionSentAsPlainTextIsRefusedAsUnsupportedNotAsForbidden() {
    CaseId kase = postCase("plain-1", "placeholder text for a cross-site form", "poster_two");
    browser.signInAs("alice", "alice-pw");
    browser.open("/");

    // what a form on another site could send: the desk takes JSON only, and says so (415), rather than a misleading 403
    @SuppressWarnings("unchecked")
    List<Object> answer = (List<Object>) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/v1/desk/cases/' + arguments[0] + '/decisions',
            {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: '{"kind":"dismiss","note":"from a form"}'})
          .then(r => r.text().then(t => done([r.status, t])))
          .catch(e => done(['error', String(e)]));""", kase.value());
    assertThat(answer.getFirst()).as(String.valueOf(answer)).isEqualTo(415L);
    assertThat(String.valueOf(answer.get(1))).contains("text/plain");
    assertThat(runtime.deskService().decisions().trail(kase)).isEmpty();
  }

  @Test
  void credentialsTypedIntoTheAddressAlsoSignTheScriptsRequests() throws Exception {
    CaseId kase = postCase("address-1", "placeholder text to dismiss", "poster_three");
    try (ConsoleBrowser own = ConsoleBrowser.open(browser.base(), Files.createDirectory(profiles.resolve("address")))) {
      URI base = own.base();
      own.driver().get("http://carol:carol-pw@" + base.getHost() + ":" + base.getPort() + "/");
      own.driver().findElement(By.cssSelector("#queue tr[data-case='" + kase.value() + "'] button.pick")).click();
      WebElement form = own.driver().findElement(By.id("decide"));
      new Select(form.findElement(By.name("kind"))).selectByValue("dismiss");
      form.findElement(By.name("note")).sendKeys("news report about the fictional group, not propaganda");
      form.findElement(By.cssSelector("button[type=submit]")).click();

      assertThat(own.awaitResult(t -> !t.isBlank() && !t.startsWith("Sending"))).startsWith("Decision").contains("dismiss");
      assertThat(runtime.deskService().decisions().trail(kase)).singleElement().satisfies(d -> {
        assertThat(d.decidedBy()).isEqualTo("carol");
        assertThat(d.kind()).isEqualTo(DecisionKind.DISMISS);
      });
      assertThat(own.rows("queue", "data-case", kase.value())).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------

  private static WebElement queueRow(CaseId kase) {
    List<WebElement> rows = browser.rows("queue", "data-case", kase.value());
    assertThat(rows).as(() -> "case " + kase.value() + " in the queue on the page, which shows:\n" + pageText()).hasSize(1);
    return rows.getFirst();
  }

  private static String pageText() {
    String text = browser.driver().findElement(By.tagName("body")).getText();
    return text.length() <= 4_000 ? text : text.substring(0, 4_000) + "…";
  }

  /**
   * The browser's console since the last look: the console's own script threw nothing and broke no
   * rule of the page's content security policy (refused requests the page expects, such as a 400
   * the test provoked, are only network messages).
   */
  private static void assertNoScriptErrorsNorPolicyViolations() {
    assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
  }

  private static CaseId postCase(String id, String text, String handle) {
    AccountKey author = new AccountKey(X, "author-" + id);
    Post post = new Post(new PostKey(X, id), author, Instant.now().minusSeconds(300), text, Optional.of("en"),
        Optional.of("https://x.range.invalid/someone/status/" + id), List.of(), List.of(), List.of(), List.of(), List.of());
    return store(List.of(Account.minimal(author, handle), post), post.key());
  }

  private static CaseId accountCase(String id) {
    Account account = new Account(new AccountKey(X, id), "handle_" + id, Optional.of("Placeholder Name"), Optional.of("placeholder bio"),
        Optional.empty(), OptionalLong.of(120), OptionalLong.empty(), Optional.empty(), Optional.of("https://x.range.invalid/handle_" + id),
        List.of());
    return store(List.of(account), account.key());
  }

  /** A re-post of a release: its assessment matched the release's entry in a hash list. */
  private static CaseId releaseCopy(String id, String entry) {
    AccountKey author = new AccountKey(X, "author-" + id);
    Post post = new Post(new PostKey(X, id), author, Instant.now().minusSeconds(240), "placeholder repost " + id, Optional.of("en"),
        Optional.of("https://x.range.invalid/someone/status/" + id), List.of(), List.of(), List.of(), List.of(), List.of());
    runtime.stores().observations().write("browser", List.of(new ParsedRecord(new SourcePosition("browser", 1, 0),
        "{}".getBytes(StandardCharsets.UTF_8), List.of(Account.minimal(author, "poster_" + id), post))));
    Signal signal = new Signal(post.key(), "media-hash", 0.99, Optional.of(Tier.OFFICIAL_PROPAGANDA), "release image",
        java.util.Map.of("list", "releases", "entry", entry));
    Assessment a = new Assessment(post.key(), 0.99, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(signal), "release image", Instant.now());
    runtime.stores().inbox().recordAssessments(List.of(a));
    return runtime.stores().cases().openOrUpdate(a, 0.99, Instant.now().minusSeconds(240)).id();
  }

  private static CaseId store(List<Observed> items, Subject subject) {
    runtime.stores().observations().write("browser", List.of(new ParsedRecord(new SourcePosition("browser", 1, 0),
        "{}".getBytes(StandardCharsets.UTF_8), items)));
    Assessment a = new Assessment(subject, 0.9, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(), "flagged in a browser test",
        Instant.now());
    runtime.stores().inbox().recordAssessments(List.of(a));
    return runtime.stores().cases().openOrUpdate(a, 0.9, Instant.now().minusSeconds(300)).id();
  }
}
