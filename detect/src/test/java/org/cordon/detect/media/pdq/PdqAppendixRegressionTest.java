package org.cordon.detect.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC.md's Appendix A lists the hashes a clean-room implementation of the spec gave for all 31
 * shared images under JDK ImageIO: regression values, read from the spec itself.
 */
class PdqAppendixRegressionTest {
  private static final Pattern LINE = Pattern.compile("^([0-9a-f]{64}),(\\d+),(\\S+)$");
  private final PdqHasher hasher = new PdqHasher();

  static Stream<Arguments> appendixRows() throws IOException {
    List<String> lines = Files.readAllLines(SharedPdqFiles.directory().resolve("SPEC.md"));
    int appendix = lines.indexOf(lines.stream().filter(l -> l.startsWith("## Appendix A")).findFirst().orElseThrow());
    List<Arguments> rows = lines.subList(appendix, lines.size()).stream()
        .map(LINE::matcher)
        .filter(Matcher::matches)
        .map(m -> Arguments.of(m.group(3), m.group(1), Integer.parseInt(m.group(2))))
        .toList();
    assertThat(rows).as("rows of SPEC.md appendix A").hasSize(31);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} hashes exactly to the appendix value")
  @MethodSource("appendixRows")
  void hashesEveryImageExactlyAsTheAppendixLists(String path, String hex, int quality) {
    PdqResult result = hasher.hash(SharedPdqFiles.decodeWithJdkReader(SharedPdqFiles.image(path)));

    assertThat(result.hash().toHex()).isEqualTo(hex);
    assertThat(result.quality()).isEqualTo(quality);
  }
}
