package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.cordon.text.lexicon.LexiconException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingLexiconDetectorTest {
  private static final String HEADER = "term,language,weight,tier\n";

  /** A clock the test moves by hand. */
  private static final class ManualClock implements InstantSource {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  @TempDir Path directory;
  private final ManualClock clock = new ManualClock();

  private void rewrite(Path file, String rows, int secondsLater) throws Exception {
    FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, HEADER + rows);
    Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(secondsLater)));
  }

  @Test
  void picksUpAChangedFileOnTheFirstCheckDue() throws Exception {
    Path file = Files.writeString(directory.resolve("lexicon.csv"), HEADER + "lanternfront,en,0.6,promotional\n");
    ReloadingLexiconDetector detector = new ReloadingLexiconDetector(file, clock);
    assertThat(detector.detect(TextPosts.post("emberwatch"))).isEmpty();

    rewrite(file, "lanternfront,en,0.6,promotional\nemberwatch,en,0.7,promotional\n", 5);
    clock.advance(Duration.ofMillis(400));
    assertThat(detector.detect(TextPosts.post("emberwatch"))).as("no check within the second").isEmpty();

    clock.advance(Duration.ofMillis(700));
    assertThat(detector.detect(TextPosts.post("emberwatch"))).hasSize(1);
    assertThat(detector.lastReloadProblem()).isEmpty();
  }

  @Test
  void keepsThePreviousLexiconWhenTheNewFileIsBad() throws Exception {
    Path file = Files.writeString(directory.resolve("lexicon.csv"), HEADER + "lanternfront,en,0.6,promotional\n");
    ReloadingLexiconDetector detector = new ReloadingLexiconDetector(file, clock);

    rewrite(file, "lanternfront,en,7,promotional\n", 5);
    clock.advance(Duration.ofSeconds(2));

    assertThat(detector.detect(TextPosts.post("lanternfront"))).hasSize(1);
    assertThat(detector.lastReloadProblem()).hasValueSatisfying(p -> assertThat(p).contains("line 2"));

    rewrite(file, "emberwatch,en,0.5,promotional\n", 5);
    clock.advance(Duration.ofSeconds(2));

    assertThat(detector.detect(TextPosts.post("lanternfront"))).isEmpty();
    assertThat(detector.detect(TextPosts.post("emberwatch"))).hasSize(1);
    assertThat(detector.lastReloadProblem()).isEmpty();
  }

  @Test
  void keepsThePreviousLexiconWhenTheFileDisappears() throws Exception {
    Path file = Files.writeString(directory.resolve("lexicon.csv"), HEADER + "lanternfront,en,0.6,promotional\n");
    ReloadingLexiconDetector detector = new ReloadingLexiconDetector(file, clock);

    Files.delete(file);
    clock.advance(Duration.ofSeconds(2));

    assertThat(detector.detect(TextPosts.post("lanternfront"))).hasSize(1);
    assertThat(detector.lastReloadProblem()).hasValueSatisfying(p -> assertThat(p).contains("cannot read"));
  }

  @Test
  void refusesToStartOnABadFile() throws Exception {
    Path file = Files.writeString(directory.resolve("lexicon.csv"), HEADER + "lanternfront,en,0.6,nope\n");

    assertThatThrownBy(() -> new ReloadingLexiconDetector(file, clock)).isInstanceOf(LexiconException.class);
  }
}
