package org.cordon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;
import org.cordon.detect.media.HashList;
import org.cordon.detect.media.KnownMediaDetector;
import org.cordon.detect.media.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hash list's PDQ index is kept on disk, trusted only for the list it was built from. */
class PdqIndexCacheTest {
  static final String A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String B = "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";

  @TempDir Path dir;

  @Test
  void theIndexIsBuiltOnceReusedRebuiltWhenTheListChangesAndWhenItIsDamaged() throws Exception {
    Path listFile = dir.resolve("releases.csv");
    Files.writeString(listFile, "hash_type,hash,label,tier\npdq," + A + ",a,promotional\nmd5,0123456789abcdef0123456789abcdef,m,promotional\n");
    PdqIndexCache cache = new PdqIndexCache(dir.resolve(".index"));
    Path indexFile = dir.resolve(".index/releases.pdqidx");

    assertThat(cache.indexFor(HashList.load("releases", listFile), listFile).size()).isEqualTo(1);
    assertThat(indexFile).exists();
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(indexFile, old);
    cache.indexFor(HashList.load("releases", listFile), listFile);
    assertThat(Files.getLastModifiedTime(indexFile)).as("the same list: the file is loaded, not rewritten").isEqualTo(old);

    Files.writeString(listFile, "pdq," + B + ",b,promotional\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(cache.indexFor(HashList.load("releases", listFile), listFile).size()).as("a changed list is indexed again").isEqualTo(2);

    byte[] bytes = Files.readAllBytes(indexFile);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(indexFile, bytes);
    HashList list = HashList.load("releases", listFile);
    assertThat(cache.indexFor(list, listFile).size()).as("a damaged file is indexed again").isEqualTo(2);

    KnownMediaDetector detector = new KnownMediaDetector(List.of(list), l -> cache.indexFor(l, listFile));
    PdqHash nearB = flip(PdqHash.fromHex(B), 5);
    MediaFingerprint media = new MediaFingerprint(MediaKey.of(Platform.X, "m1"), java.util.Map.of("pdq", nearB.toHex(), "pdq_quality", "100"));
    Post post = new Post(PostKey.of(Platform.X, "1"), AccountKey.of(Platform.X, "2"), Instant.EPOCH, "", Optional.empty(), Optional.empty(),
        List.of(media.media()), List.of(), List.of(), List.of(), List.of());
    assertThat(detector.detect(new PostContext(post, Optional.empty(), List.of(media)))).singleElement()
        .satisfies(s -> assertThat(s.evidence()).containsEntry("entry", "b").containsEntry("distance", "5"));
  }

  static PdqHash flip(PdqHash h, int bits) {
    long w0 = h.w0();
    for (int i = 0; i < bits; i++) {
      w0 ^= 1L << (i * 7);
    }
    return new PdqHash(w0, h.w1(), h.w2(), h.w3());
  }
}
