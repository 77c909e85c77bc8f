package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Without chromium the browser test fails, saying how to install it, unless a developer explicitly skips it. */
class ConsoleBrowserInstallationTest {
  @TempDir Path empty;

  @Test
  void aMissingBrowserFailsTheTestAndSaysHowToInstallIt() {
    Path absent = empty.resolve("chromium");

    assertThatThrownBy(() -> ConsoleBrowser.requireInstalled(List.of(absent), Map.of()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(absent.toString())
        .hasMessageContaining("apt-get install -y chromium chromium-driver")
        .hasMessageContaining("CORDON_SKIP_BROWSER=1");
  }

  @Test
  void aMissingBrowserOnlySkipsTheTestWhenTheDeveloperAsksForIt() {
    Path absent = empty.resolve("chromedriver");

    assertThatThrownBy(() -> ConsoleBrowser.requireInstalled(List.of(absent), Map.of("CORDON_SKIP_BROWSER", "1")))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("apt-get install");
    assertThatThrownBy(() -> ConsoleBrowser.requireInstalled(List.of(absent), Map.of("CORDON_SKIP_BROWSER", "yes")))
        .as("only 1 skips").isInstanceOf(AssertionError.class);
  }

  @Test
  void installedExecutablesLetTheTestRun() {
    assertThatCode(() -> ConsoleBrowser.requireInstalled(List.of(Path.of("/bin/sh")), Map.of())).doesNotThrowAnyException();
  }
}
