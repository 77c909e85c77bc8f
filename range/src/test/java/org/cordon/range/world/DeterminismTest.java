package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final WorldSpec SPEC = new WorldSpec(99L, 800, 2, WorldSpec.DEFAULT_START, MediaMode.THUMBS, 2);

  @Test
  void sameSeedAndParametersWriteByteIdenticalWorlds() throws IOException {
    Path first = TestWorlds.temporaryDirectory("cordon-range-a");
    Path second = TestWorlds.temporaryDirectory("cordon-range-b");
    System.out.println("determinism seed " + SPEC.seed());
    WorldGenerator.generate(SPEC, first);
    WorldGenerator.generate(SPEC, second);

    List<Path> firstFiles = relativeFiles(first);
    assertThat(relativeFiles(second)).isEqualTo(firstFiles);
    assertThat(firstFiles).hasSizeGreaterThan(20);
    for (Path relative : firstFiles) {
      assertThat(Files.mismatch(first.resolve(relative), second.resolve(relative)))
          .as("first differing byte of %s", relative).isEqualTo(-1L);
    }
  }

  @Test
  void anotherSeedWritesAnotherWorld() throws IOException {
    Path first = TestWorlds.temporaryDirectory("cordon-range-c");
    Path second = TestWorlds.temporaryDirectory("cordon-range-d");
    WorldGenerator.generate(SPEC.withMedia(MediaMode.NONE), first);
    WorldGenerator.generate(new WorldSpec(100L, 800, 2, WorldSpec.DEFAULT_START, MediaMode.NONE, 2), second);

    assertThat(Files.mismatch(first.resolve("truth/posts.jsonl"), second.resolve("truth/posts.jsonl"))).isNotEqualTo(-1L);
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
