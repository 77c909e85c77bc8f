package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.cordon.core.evidence.Provenance;
import org.cordon.core.evidence.Sha256;
import org.junit.jupiter.api.Test;

class EvidenceStoreTest extends DatabaseTestBase {

  private static Provenance from(String url) {
    return new Provenance(url, "test-source", Fixtures.T0, "application/octet-stream");
  }

  private static byte[] unique(int size) {
    long seed = System.nanoTime();
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void bytesAreFiledUnderTheirDigestAndReadBack() throws IOException {
    byte[] bytes = unique(100_000);

    Sha256 digest = stores.evidence().put(bytes, from("https://example.test/a"));

    assertThat(digest).isEqualTo(Sha256.of(bytes));
    Path file = evidenceDirectory.resolve("sha256").resolve(digest.hex().substring(0, 2)).resolve(digest.hex().substring(2, 4)).resolve(digest.hex());
    assertThat(file).exists().hasBinaryContent(bytes);
    assertThat(stores.evidence().contains(digest)).isTrue();
    try (InputStream in = stores.evidence().open(digest).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void theSameBytesThriceKeepOneFileAndThreeProvenanceRows() throws Exception {
    byte[] bytes = unique(1000);

    Sha256 first = stores.evidence().put(bytes, from("https://example.test/first"));
    Sha256 second = stores.evidence().put(new ByteArrayInputStream(bytes), 10_000, from("https://example.test/second"));
    Sha256 third = stores.evidence().put(bytes, from("https://example.test/third"));

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    try (Stream<Path> files = Files.walk(evidenceDirectory.resolve("sha256"))) {
      assertThat(files.filter(p -> p.getFileName().toString().equals(first.hex())).count()).isEqualTo(1);
    }
    assertThat(count("SELECT count(*) FROM evidence_provenance WHERE digest = ?", first.hex())).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM evidence_provenance WHERE digest = ? AND obtained_from = 'https://example.test/second' AND size = 1000",
        first.hex())).isEqualTo(1);
  }

  @Test
  void aStreamPastTheLimitFailsAndLeavesNothing() throws Exception {
    byte[] bytes = unique(300_000);

    assertThatThrownBy(() -> stores.evidence().put(new ByteArrayInputStream(bytes), 200_000, from("https://example.test/big")))
        .isInstanceOf(EvidenceTooLargeException.class)
        .hasMessageContaining("200000");

    Sha256 digest = Sha256.of(bytes);
    assertThat(stores.evidence().contains(digest)).isFalse();
    assertThat(count("SELECT count(*) FROM evidence_provenance WHERE digest = ?", digest.hex())).isZero();
    assertThat(leftoverTemporaryFiles()).isZero();
  }

  @Test
  void aStreamExactlyAtTheLimitIsAccepted() throws Exception {
    byte[] bytes = unique(4096);

    Sha256 digest = stores.evidence().put(new ByteArrayInputStream(bytes), 4096, from("https://example.test/exact"));

    assertThat(stores.evidence().contains(digest)).isTrue();
  }

  @Test
  void aStreamThatBreaksHalfwayLeavesNoPartialFile() throws Exception {
    byte[] start = "the first half of a fictional video".getBytes(StandardCharsets.UTF_8);
    InputStream breaking = new InputStream() {
      int position;

      @Override
      public int read() throws IOException {
        if (position < start.length) {
          return start[position++];
        }
        throw new IOException("connection reset");
      }
    };

    assertThatThrownBy(() -> stores.evidence().put(breaking, 1_000_000, from("https://example.test/broken"))).hasMessage("connection reset");

    assertThat(stores.evidence().contains(Sha256.of(start))).isFalse();
    assertThat(leftoverTemporaryFiles()).isZero();
  }

  @Test
  void unknownDigestsAreAbsent() throws IOException {
    Sha256 absent = Sha256.of(unique(10));

    assertThat(stores.evidence().contains(absent)).isFalse();
    assertThat(stores.evidence().open(absent)).isEmpty();
  }

  @Test
  void provenanceRowsCannotBeChanged() {
    stores.evidence().put(unique(10), from("https://example.test/custody"));

    assertThatThrownBy(() -> execute("UPDATE evidence_provenance SET source = 'forged' WHERE obtained_from = 'https://example.test/custody'"))
        .hasMessageContaining("append-only");
  }

  private long leftoverTemporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(evidenceDirectory.resolve("incoming"))) {
      return files.count();
    }
  }
}
