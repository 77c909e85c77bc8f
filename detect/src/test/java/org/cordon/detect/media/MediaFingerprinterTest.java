package org.cordon.detect.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.detect.media.pdq.SharedPdqFiles;
import org.junit.jupiter.api.Test;

class MediaFingerprinterTest {
  private final MediaFingerprinter fingerprinter = new MediaFingerprinter();

  @Test
  void imageGetsExactHashesAndThePdqOfTheJavaReference() throws Exception {
    byte[] bytes = Files.readAllBytes(SharedPdqFiles.image("dih/bridge-1-original.jpg"));

    MediaFingerprint fingerprint = fingerprinter.fingerprint(MediaTestPosts.mediaKey("m1"), bytes, Optional.of("image/jpeg"));

    assertThat(fingerprint.hash(MediaFingerprint.PDQ))
        .contains("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
    assertThat(fingerprint.hash(MediaFingerprinter.PDQ_QUALITY)).contains("100");
    assertThat(fingerprint.hash(MediaFingerprint.SHA256).orElseThrow()).hasSize(64).matches("[0-9a-f]+");
    assertThat(fingerprint.hash(MediaFingerprint.MD5).orElseThrow()).hasSize(32).matches("[0-9a-f]+");
  }

  @Test
  void nonImageGetsTheKnownDigestsNoPdqAndTheReasonItWasNotDecoded() {
    byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);

    MediaFingerprint fingerprint = fingerprinter.fingerprint(MediaTestPosts.mediaKey("m2"), bytes);

    assertThat(fingerprint.hashes()).containsOnlyKeys(MediaFingerprint.SHA256, MediaFingerprint.MD5, MediaFingerprinter.DECODE_REJECTED);
    assertThat(fingerprint.hash(MediaFingerprinter.DECODE_REJECTED)).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    assertThat(fingerprint.hash(MediaFingerprint.SHA256))
        .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(fingerprint.hash(MediaFingerprint.MD5)).contains("900150983cd24fb0d6963f7d28e17f72");
  }

  @Test
  void imageWhoseDeclaredTypeLiesGetsNoPdq() throws Exception {
    byte[] bytes = Files.readAllBytes(SharedPdqFiles.image("misc/c.png"));

    MediaFingerprint fingerprint = fingerprinter.fingerprint(MediaTestPosts.mediaKey("m3"), bytes, Optional.of("jpg"));

    assertThat(fingerprint.hash(MediaFingerprint.PDQ)).isEmpty();
    assertThat(fingerprint.hash(MediaFingerprint.SHA256)).isPresent();
  }
}
