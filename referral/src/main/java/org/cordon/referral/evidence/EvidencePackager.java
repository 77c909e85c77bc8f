package org.cordon.referral.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cordon.core.evidence.Sha256;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a case's evidence package: a ZIP with {@code summary.pdf}, every archived file under
 * {@code files/}, and {@code manifest.json} last, listing each of those with its SHA-256 and size.
 *
 * <p>Each archived file is digested while it is copied into the ZIP and must still have the digest
 * it was archived with; a missing or changed file stops the export with an {@link
 * EvidenceIntegrityException}, because a package that silently carries altered evidence is worse
 * than none. Entries carry the generation time, so the same evidence gives the same ZIP.
 */
public final class EvidencePackager {
  public static final String SUMMARY = "summary.pdf";
  public static final String MANIFEST = "manifest.json";
  public static final String FILES = "files/";
  static final int FORMAT_VERSION = 1;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EvidencePackager() {}

  /** One file of the package as the manifest lists it. */
  public record ManifestEntry(String path, Sha256 sha256, long bytes) {
    public ManifestEntry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /**
   * Writes the package to {@code target} atomically: on any failure no file is left there.
   *
   * @return what the manifest lists
   */
  public static List<ManifestEntry> write(EvidencePackage evidence, Instant generatedAt, Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(directory, ".evidence-", ".zip.tmp");
    try {
      List<ManifestEntry> manifest;
      try (OutputStream out = Files.newOutputStream(temp)) {
        manifest = write(evidence, generatedAt, out);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return manifest;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes the package to {@code out}. On an exception {@code out} holds a partial ZIP, which the
   * caller must discard ({@link #write(EvidencePackage, Instant, Path)} does).
   */
  public static List<ManifestEntry> write(EvidencePackage evidence, Instant generatedAt, OutputStream out) throws IOException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (EvidencePackage.ArchivedFile file : evidence.files()) {
      sizes.put(file.name(), size(evidence, file));
    }
    byte[] summary = EvidenceSummary.render(evidence, sizes, generatedAt);
    List<ManifestEntry> manifest = new ArrayList<>();
    FileTime time = FileTime.from(generatedAt);
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.setComment("Cordon evidence package, case " + evidence.caseId());
    zip.putNextEntry(entry(SUMMARY, time));
    zip.write(summary);
    zip.closeEntry();
    manifest.add(new ManifestEntry(SUMMARY, Sha256.of(summary), summary.length));
    for (EvidencePackage.ArchivedFile file : evidence.files()) {
      zip.putNextEntry(entry(FILES + file.name(), time));
      long copied = 0;
      MessageDigest digest = sha256();
      try (InputStream in = Files.newInputStream(file.path())) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
          zip.write(buffer, 0, n);
          copied += n;
        }
      } catch (NoSuchFileException e) {
        throw missing(evidence, file, e);
      }
      zip.closeEntry();
      Sha256 actual = new Sha256(HexFormat.of().formatHex(digest.digest()));
      if (!actual.equals(file.sha256())) {
        throw new EvidenceIntegrityException("case " + evidence.caseId() + ": archived file '" + file.name() + "' (" + file.path()
            + ") has SHA-256 " + actual.hex() + " but was archived as " + file.sha256().hex()
            + "; the copy changed after archiving: the package is not made; restore the file from the evidence store and investigate");
      }
      manifest.add(new ManifestEntry(FILES + file.name(), actual, copied));
    }
    zip.putNextEntry(entry(MANIFEST, time));
    zip.write(manifestJson(evidence, generatedAt, manifest));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return List.copyOf(manifest);
  }

  private static long size(EvidencePackage evidence, EvidencePackage.ArchivedFile file) throws IOException {
    try {
      return Files.size(file.path());
    } catch (NoSuchFileException e) {
      throw missing(evidence, file, e);
    }
  }

  private static EvidenceIntegrityException missing(EvidencePackage evidence, EvidencePackage.ArchivedFile file, IOException cause) {
    return new EvidenceIntegrityException("case " + evidence.caseId() + ": archived file '" + file.name() + "' is missing at " + file.path()
        + "; the package is not made; restore it from the evidence store", cause);
  }

  private static byte[] manifestJson(EvidencePackage evidence, Instant generatedAt, List<ManifestEntry> manifest) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("case_id", evidence.caseId().toString());
    root.put("generated_at", generatedAt.toString());
    root.put("digest", "sha256");
    ArrayNode files = root.putArray("files");
    for (ManifestEntry entry : manifest) {
      files.addObject().put("path", entry.path()).put("sha256", entry.sha256().hex()).put("bytes", entry.bytes());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static ZipEntry entry(String name, FileTime time) {
    ZipEntry entry = new ZipEntry(name);
    entry.setCreationTime(time);
    entry.setLastModifiedTime(time);
    entry.setLastAccessTime(time);
    return entry;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
