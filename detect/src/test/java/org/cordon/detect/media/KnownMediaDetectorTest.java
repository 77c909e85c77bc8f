package org.cordon.detect.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.detect.media.pdq.SharedPdqFiles;
import org.junit.jupiter.api.BeforeAll;
import org.cordon.detect.media.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownMediaDetectorTest {
  private static final MediaFingerprinter FINGERPRINTER = new MediaFingerprinter();
  private static MediaFingerprint original;
  private static MediaFingerprint blurred;
  private static MediaFingerprint unrelated;
  private static MediaFingerprint mirrored;

  @BeforeAll
  static void fingerprintSharedImages() throws Exception {
    original = fingerprint("m-orig", "dih/bridge-1-original.jpg");
    blurred = fingerprint("m-blur", "bridge-mods/blur-a-lot.jpg");
    mirrored = fingerprint("m-flip", "dih/bridge-5-flipx.jpg");
    unrelated = fingerprint("m-pen", "misc/pen-and-coaster.png");
  }

  private static MediaFingerprint fingerprint(String id, String image) throws Exception {
    return FINGERPRINTER.fingerprint(MediaTestPosts.mediaKey(id), Files.readAllBytes(SharedPdqFiles.image(image)));
  }

  private static KnownMediaDetector detectorFor(Path directory, String rows) throws Exception {
    Path file = Files.writeString(directory.resolve("list.csv"), "hash_type,hash,label,tier\n" + rows);
    return new KnownMediaDetector(List.of(HashList.load("range-releases", file)));
  }

  @Test
  void exactSha256MatchNamesListEntryAndTier(@TempDir Path directory) throws Exception {
    KnownMediaDetector detector = detectorFor(directory,
        "sha256," + original.hash("sha256").orElseThrow() + ",bridge release still,official_propaganda\n");

    List<Signal> signals = detector.detect(MediaTestPosts.postWith(original));

    assertThat(signals).singleElement().satisfies(signal -> {
      assertThat(signal.kind()).isEqualTo("media-hash");
      assertThat(signal.strength()).isEqualTo(1.0);
      assertThat(signal.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
      assertThat(signal.reason()).contains("SHA-256 equals entry 'bridge release still' of list 'range-releases'");
      assertThat(signal.evidence()).containsAllEntriesOf(Map.of(
          "list", "range-releases", "entry", "bridge release still", "hash_type", "sha256", "distance", "0"));
      assertThat(signal.subject()).isEqualTo(MediaTestPosts.postWith(original).post().key());
    });
  }

  @Test
  void exactMd5MatchIsReported(@TempDir Path directory) throws Exception {
    KnownMediaDetector detector = detectorFor(directory,
        "md5," + original.hash("md5").orElseThrow().toUpperCase(java.util.Locale.ROOT) + ",still,promotional\n");

    assertThat(detector.detect(MediaTestPosts.postWith(original)))
        .singleElement().satisfies(s -> assertThat(s.evidence()).containsEntry("hash_type", "md5"));
  }

  @Test
  void pdqMatchesAModifiedCopyWithinThresholdAndStatesTheDistance(@TempDir Path directory) throws Exception {
    KnownMediaDetector detector = detectorFor(directory,
        "pdq," + original.hash("pdq").orElseThrow() + ",bridge still,threat_to_life\n");

    List<Signal> signals = detector.detect(MediaTestPosts.postWith(blurred, unrelated));

    assertThat(signals).singleElement().satisfies(signal -> {
      int distance = Integer.parseInt(signal.evidence().get("distance"));
      assertThat(distance).isBetween(1, KnownMediaDetector.PDQ_MATCH_DISTANCE);
      assertThat(signal.evidence()).containsEntry("media", blurred.media().toString()).containsEntry("hash_type", "pdq");
      assertThat(signal.reason()).contains("PDQ is " + distance + " bits from entry 'bridge still'");
      assertThat(signal.tier()).contains(Tier.THREAT_TO_LIFE);
      assertThat(signal.strength()).isLessThan(1.0).isGreaterThan(0.5);
    });
  }

  @Test
  void aMirroredRepostMatchesItsOriginalThroughItsOtherOrientations(@TempDir Path directory) throws Exception {
    PdqHash listed = PdqHash.fromHex(original.hash("pdq").orElseThrow());
    assertThat(PdqHash.fromHex(mirrored.hash("pdq").orElseThrow()).distance(listed)).as("the plain hash alone misses it").isGreaterThan(31);
    KnownMediaDetector detector = detectorFor(directory, "pdq," + listed.toHex() + ",bridge still,promotional\n");

    assertThat(detector.detect(MediaTestPosts.postWith(mirrored))).singleElement()
        .satisfies(signal -> assertThat(Integer.parseInt(signal.evidence().get("distance"))).isLessThanOrEqualTo(KnownMediaDetector.PDQ_MATCH_DISTANCE));
  }

  @Test
  void unrelatedImageAndUnknownBytesRaiseNothing(@TempDir Path directory) throws Exception {
    KnownMediaDetector detector = detectorFor(directory,
        "pdq," + original.hash("pdq").orElseThrow() + ",bridge still,promotional\n"
            + "sha256," + "0".repeat(64) + ",nothing,promotional\n");
    MediaFingerprint noImage = FINGERPRINTER.fingerprint(MediaTestPosts.mediaKey("m-text"), new byte[] {1, 2, 3});

    assertThat(detector.detect(MediaTestPosts.postWith(unrelated, noImage))).isEmpty();
  }

  @Test
  void lowQualityPdqIsNotMatched(@TempDir Path directory) throws Exception {
    MediaFingerprint flat = new MediaFingerprint(MediaTestPosts.mediaKey("m-flat"),
        Map.of("pdq", original.hash("pdq").orElseThrow(), MediaFingerprinter.PDQ_QUALITY, "12"));
    KnownMediaDetector detector = detectorFor(directory,
        "pdq," + original.hash("pdq").orElseThrow() + ",bridge still,promotional\n");

    assertThat(detector.detect(MediaTestPosts.postWith(flat))).isEmpty();
  }

  @Test
  void malformedPdqInAFingerprintIsIgnoredNotThrown(@TempDir Path directory) throws Exception {
    MediaFingerprint broken = new MediaFingerprint(MediaTestPosts.mediaKey("m-broken"), Map.of("pdq", "xyz"));
    KnownMediaDetector detector = detectorFor(directory,
        "pdq," + original.hash("pdq").orElseThrow() + ",bridge still,promotional\n");

    assertThat(detector.detect(MediaTestPosts.postWith(broken))).isEmpty();
    assertThat(detector.name()).isEqualTo("media-hash");
    assertThat(Optional.of(detector.detect(MediaTestPosts.postWith()))).contains(List.of());
  }
}
