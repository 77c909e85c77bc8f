package org.cordon.app.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cordon.core.evidence.Sha256;
import org.cordon.detect.media.HashList;
import org.cordon.detect.media.KnownMediaDetector;
import org.cordon.detect.media.index.PdqIndex;

/**
 * Keeps each hash list's PDQ index in a file beside the list ({@code hashlists/.index/NAME.pdqidx}),
 * so a restart loads millions of hashes in seconds instead of indexing them again. The file is
 * trusted only for the exact list it was built from (the list file's SHA-256 is kept with it); a
 * changed list, or a damaged index, is indexed again and the file replaced.
 */
final class PdqIndexCache {
  private static final Logger LOG = Logger.getLogger(PdqIndexCache.class.getName());

  private final Path directory;

  PdqIndexCache(Path directory) {
    this.directory = directory;
  }

  PdqIndex indexFor(HashList list, Path listFile) {
    try {
      Sha256 digest;
      try (InputStream in = Files.newInputStream(listFile)) {
        digest = Sha256.of(in);
      }
      Path index = directory.resolve(list.name() + ".pdqidx");
      Path built = directory.resolve(list.name() + ".pdqidx.sha256");
      if (Files.isRegularFile(index) && Files.isRegularFile(built) && Files.readString(built).strip().equals(digest.hex())) {
        try {
          PdqIndex loaded = PdqIndex.readFrom(index);
          if (loaded.size() == list.entries().stream().filter(e -> e.type() == org.cordon.detect.media.HashType.PDQ).count()) {
            return loaded;
          }
        } catch (PdqIndex.CorruptIndexException e) {
          LOG.log(Level.WARNING, "the PDQ index of list ''{0}'' is damaged; indexing the list again: {1}", new Object[] {list.name(), e.getMessage()});
        }
      }
      PdqIndex fresh = KnownMediaDetector.pdqIndexOf(list);
      Files.createDirectories(directory);
      fresh.writeTo(index);
      Files.writeString(built, digest.hex() + "\n");
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the PDQ index of list '" + list.name() + "' in " + directory, e);
    }
  }
}
