package org.cordon.detect.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HashCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new HashCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void printsHashQualityAndPathLikeTheReferenceTool() {
    Path image = SharedPdqFiles.image("dih/bridge-1-original.jpg");

    int exit = run(image.toString());

    assertThat(exit).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,100," + image);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void reportsRejectedFilesOnStandardErrorAndExitsWithOne(@TempDir Path directory) throws Exception {
    Path good = SharedPdqFiles.image("misc/wee.jpg");
    Path bad = Files.writeString(directory.resolve("notes.png"), "not an image");

    int exit = run(good.toString(), bad.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines()).singleElement().satisfies(line -> assertThat(line).endsWith("," + good));
    assertThat(err.toString()).contains(bad + ": not a supported image");
  }

  @Test
  void appliesThePixelLimitOption() {
    Path image = SharedPdqFiles.image("misc/wee.jpg");

    assertThat(run("--max-pixels", "10", image.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("over the limit of 10");
  }
}
