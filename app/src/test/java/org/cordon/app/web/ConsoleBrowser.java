package org.cordon.app.web;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through Debian's chromedriver, signed in with HTTP Basic.
 * Both paths are given to Selenium, so Selenium Manager never looks for (or downloads) a browser or
 * a driver. The sign-in is an {@code Authorization} header the browser adds to every request of the
 * page (the page itself, {@code /console.js} and the script's fetches), set over the DevTools
 * protocol, so one browser can be one analyst and then another.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String SKIP = "CORDON_SKIP_BROWSER";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final URI base;

  private ConsoleBrowser(ChromeDriver driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /**
   * Fails, saying how to install them, when chromium or its driver is missing; a developer without
   * them may skip the browser tests explicitly with {@code CORDON_SKIP_BROWSER=1}. CI never does.
   */
  static void requireInstalled() {
    requireInstalled(List.of(CHROMIUM, CHROMEDRIVER), System.getenv());
  }

  /** {@link #requireInstalled()} with the executables and the environment given, so that its refusals can be tested. */
  static void requireInstalled(List<Path> executables, Map<String, String> environment) {
    List<Path> missing = executables.stream().filter(e -> !Files.isExecutable(e)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String reason = "the console's browser test needs Debian's chromium and chromium-driver, and " + missing + " is missing: "
        + "install them with 'sudo apt-get install -y chromium chromium-driver' (.ci/run does), "
        + "or set " + SKIP + "=1 to skip the browser tests on this machine";
    if ("1".equals(environment.get(SKIP))) {
      assumeTrue(false, reason);
    }
    fail(reason);
  }

  /** A fresh headless browser with its own profile under {@code profile}, for pages of {@code base}. */
  static ConsoleBrowser open(URI base, Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
    return new ConsoleBrowser(driver, base);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** From now on every request of this browser carries {@code user}'s HTTP Basic credentials. */
  void signInAs(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
  }

  /** Requests carry no credentials of ours any more. */
  void signOut() {
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
  }

  /** Opens a page of the application and waits for it to load (the console's deferred script has run). */
  void open(String path) {
    driver.get(base.resolve(path).toString());
  }

  URI base() {
    return base;
  }

  /** The text of the console's status line once it satisfies {@code done}; the page may reload meanwhile. */
  String awaitResult(java.util.function.Predicate<String> done) {
    return until(d -> {
      String text = d.findElement(By.id("result")).getText();
      return done.test(text) ? text : null;
    });
  }

  /** Waits until {@code condition} holds, re-reading the page (which may be replaced) each time. */
  <T> T until(java.util.function.Function<ChromeDriver, T> condition) {
    return wait(PATIENCE).until(d -> {
      try {
        return condition.apply(driver);
      } catch (org.openqa.selenium.WebDriverException e) {
        // an element found a moment before the page reloaded: chromedriver says so with an "unknown error"
        // rather than a stale-element one; read the new page on the next poll
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return null;
        }
        throw e;
      }
    });
  }

  private WebDriverWait wait(Duration patience) {
    WebDriverWait wait = new WebDriverWait(driver, patience);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** The queue's or the approvals' row carrying {@code attribute}={@code value}, if the page shows it. */
  List<WebElement> rows(String table, String attribute, long value) {
    return driver.findElements(By.cssSelector("#" + table + " tbody tr[" + attribute + "='" + value + "']"));
  }

  /** What the page wrote to the browser's console since the last call (level and message). */
  List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(ConsoleBrowser::line).toList();
  }

  private static String line(LogEntry entry) {
    return entry.getLevel() + " " + Objects.requireNonNullElse(entry.getMessage(), "");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
