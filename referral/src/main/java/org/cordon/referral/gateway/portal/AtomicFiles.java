package org.cordon.referral.gateway.portal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader sees either nothing or all of it: the bytes go to a temporary
 * file in the same directory, are forced to disk, and are then linked or renamed into place.
 */
final class AtomicFiles {
  static final String TEMP_PREFIX = ".incoming-";

  private AtomicFiles() {}

  /**
   * Creates {@code target} with {@code bytes} unless it exists; returns false, leaving it as it
   * was, when it does (also when another writer got there first).
   */
  static boolean createIfAbsent(Path target, byte[] bytes) throws IOException {
    if (Files.exists(target)) {
      return false;
    }
    Path temp = writeTemp(target, bytes);
    try {
      // A hard link fails if the target exists, so two writers cannot both create it.
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      try {
        Files.move(temp, target);
        return true;
      } catch (FileAlreadyExistsException exists) {
        return false;
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Creates or replaces {@code target} with {@code bytes} in one step. */
  static void replace(Path target, byte[] bytes) throws IOException {
    Path temp = writeTemp(target, bytes);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path writeTemp(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }
}
