package org.cordon.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.Optional;
import org.cordon.core.evidence.Provenance;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.port.EvidenceStore;

/**
 * Evidence bytes as files named by their SHA-256 ({@code sha256/ab/cd/<hex>}), provenance as rows.
 * A file is written under a temporary name, forced to disk and renamed into place, so a crash never
 * leaves a partial file under a digest's name; a second copy of the same bytes is never written.
 */
final class FileEvidenceStore implements EvidenceStore {
  private static final int BUFFER = 64 * 1024;
  private final Path root;
  private final Path incoming;
  private final Transactions transactions;

  FileEvidenceStore(Path directory, Transactions transactions) {
    this.root = directory.toAbsolutePath().resolve("sha256");
    this.incoming = directory.toAbsolutePath().resolve("incoming");
    this.transactions = transactions;
    try {
      Files.createDirectories(root);
      Files.createDirectories(incoming);
      removeAbandonedTemporaryFiles();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the evidence directory " + directory + "; check its permissions", e);
    }
  }

  @Override
  public Sha256 put(byte[] bytes, Provenance provenance) {
    Sha256 digest = Sha256.of(bytes);
    if (contains(digest)) {
      recordProvenance(digest, bytes.length, provenance);
      return digest;
    }
    try {
      return put(new java.io.ByteArrayInputStream(bytes), bytes.length, provenance);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot archive evidence from " + provenance.obtainedFrom(), e);
    }
  }

  /** Temporary files of writers killed mid-write; a day old, so no live writer still owns them. */
  private void removeAbandonedTemporaryFiles() throws IOException {
    java.nio.file.attribute.FileTime dayAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
    try (java.util.stream.Stream<Path> files = Files.list(incoming)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(".part") && Files.getLastModifiedTime(file).compareTo(dayAgo) < 0) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Override
  public Sha256 put(InputStream in, long maxBytes, Provenance provenance) throws IOException {
    Path temporary = Files.createTempFile(incoming, "evidence-", ".part");
    try {
      MessageDigest digest = sha256();
      long size = 0;
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
          size += n;
          if (size > maxBytes) {
            throw new EvidenceTooLargeException(maxBytes, provenance.obtainedFrom());
          }
          out.write(buffer, 0, n);
        }
        out.flush();
        channel.force(true);
      }
      Sha256 sha = new Sha256(HexFormat.of().formatHex(digest.digest()));
      Path target = path(sha);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        moveIntoPlace(temporary, target);
        forceDirectory(target.getParent());
      }
      recordProvenance(sha, size, provenance);
      return sha;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another writer archived the same bytes first: same name, same content
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the evidence directory must be on one file system that renames atomically: " + target, e);
    }
  }

  private static void forceDirectory(Path directory) {
    // makes the rename durable; some file systems refuse to open a directory, and then it is moot
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // best effort
    }
  }

  private void recordProvenance(Sha256 sha, long size, Provenance provenance) {
    String sql = "INSERT INTO evidence_provenance (digest, size, obtained_from, source, obtained_at, media_type) VALUES (?, ?, ?, ?, ?, ?)";
    transactions.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, sha.hex());
        ps.setLong(2, size);
        ps.setString(3, Columns.storable(provenance.obtainedFrom()));
        ps.setString(4, Columns.storable(provenance.source()));
        ps.setTimestamp(5, Columns.timestamp(provenance.obtainedAt()));
        ps.setString(6, Columns.storable(provenance.mediaType()));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<InputStream> open(Sha256 digest) throws IOException {
    Path path = path(digest);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    return Optional.of(Files.newInputStream(path));
  }

  @Override
  public boolean contains(Sha256 digest) {
    return Files.exists(path(digest));
  }

  /**
   * Deletes the bytes of a piece of evidence (the retention job's last step); the provenance rows
   * stay, as the record that the evidence existed and when. Returns whether there was a file.
   */
  boolean delete(Sha256 digest) throws IOException {
    return Files.deleteIfExists(path(digest));
  }

  Path path(Sha256 digest) {
    String hex = digest.hex();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
