package org.cordon.referral.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.Decision;
import org.cordon.core.triage.DecisionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvidencePackagerTest {
  private static final Instant GENERATED = Instant.parse("2026-09-01T12:00:00Z");
  private static final Instant FIRST_SEEN = Instant.parse("2026-03-14T08:02:11Z");

  @TempDir
  Path directory;

  private EvidencePackage.ArchivedFile archive(String name, byte[] bytes) throws IOException {
    Path path = directory.resolve("store-" + name);
    Files.write(path, bytes);
    return new EvidencePackage.ArchivedFile(name, path, Sha256.of(bytes));
  }

  private EvidencePackage evidence(List<EvidencePackage.ArchivedFile> files) {
    Request.Referral referral = new Request.Referral(new RequestId(12), new CaseId(7), Platform.X, PostKey.of(Platform.X, "p1001"),
        List.of("https://x.example/post/1001"), "glorifies", "key-12", List.of(
            new StatusChange(RequestStatus.PENDING, FIRST_SEEN.plusSeconds(600), "created"),
            new StatusChange(RequestStatus.SENT, FIRST_SEEN.plusSeconds(610), "send run 1 of 5"),
            new StatusChange(RequestStatus.ACKNOWLEDGED, FIRST_SEEN.plusSeconds(611), "platform_reference=PR-88"),
            new StatusChange(RequestStatus.REMOVED, FIRST_SEEN.plusSeconds(3000), "removed by the platform")));
    DecisionRecord decision = new DecisionRecord(new CaseId(7), new Decision.Refer("glorifies"), new Actor.Analyst("analyst.one"),
        "placeholder release of the fictional outlet, caption \u0627\u0644\u0641", FIRST_SEEN.plusSeconds(540));
    return new EvidencePackage(new CaseId(7), PostKey.of(Platform.X, "p1001"), Platform.X, referral.urls(), Tier.OFFICIAL_PROPAGANDA,
        "glorifies", FIRST_SEEN,
        List.of(EvidencePackage.TrailEntry.of(decision), new EvidencePackage.TrailEntry(FIRST_SEEN.plusSeconds(570), "analyst:supervisor.two", "approve", "four-eyes approval")),
        EvidencePackage.StatusEntry.of(referral), files);
  }

  private static Map<String, byte[]> readZip(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> all = file.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void thePackageHoldsTheSummaryTheFilesAndAManifestWhoseDigestsMatch() throws Exception {
    byte[] image = "synthetic image bytes".getBytes(StandardCharsets.UTF_8);
    byte[] page = "<html>placeholder page</html>".getBytes(StandardCharsets.UTF_8);
    EvidencePackage evidence = evidence(List.of(archive("post-p1001.png", image), archive("page-p1001.html", page)));
    Path zip = directory.resolve("case-7.zip");

    List<EvidencePackager.ManifestEntry> listed = EvidencePackager.write(evidence, GENERATED, zip);

    Map<String, byte[]> entries = readZip(zip);
    assertThat(entries.keySet()).containsExactly("summary.pdf", "files/post-p1001.png", "files/page-p1001.html", "manifest.json");
    assertThat(entries.get("files/post-p1001.png")).isEqualTo(image);
    JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
    assertThat(manifest.get("case_id").asString()).isEqualTo("7");
    assertThat(manifest.get("files").values()).hasSize(3).allSatisfy(file -> {
      byte[] bytes = entries.get(file.get("path").asString());
      assertThat(file.get("sha256").asString()).isEqualTo(Sha256.of(bytes).hex());
      assertThat(file.get("bytes").asLong()).isEqualTo(bytes.length);
    });
    assertThat(listed).extracting(EvidencePackager.ManifestEntry::path).containsExactly("summary.pdf", "files/post-p1001.png", "files/page-p1001.html");
  }

  @Test
  void theSummaryNamesTheCaseItsTrailItsRequestsAndEachFilesDigest() throws Exception {
    EvidencePackage.ArchivedFile image = archive("post-p1001.png", new byte[] {1, 2, 3});
    Path zip = directory.resolve("case-7.zip");

    EvidencePackager.write(evidence(List.of(image)), GENERATED, zip);

    String text;
    try (PDDocument document = Loader.loadPDF(readZip(zip).get("summary.pdf"))) {
      text = new PDFTextStripper().getText(document);
    }
    String squeezed = text.replaceAll("\\s+", "");
    assertThat(text).contains("Evidence package: case 7", "official propaganda", "glorifies", FIRST_SEEN.toString(),
        "analyst:analyst.one", "four-eyes approval", "referral 12", "platform_reference=PR-88", "removed");
    assertThat(squeezed).contains("https://x.example/post/1001").contains(image.sha256().hex()).contains("files/post-p1001.png(3bytes)");
    assertThat(text).contains("[U+0627]").contains("Note on characters");
  }

  @Test
  void aFileChangedSinceArchivingStopsTheExportAndLeavesNoPackage() throws Exception {
    EvidencePackage.ArchivedFile good = archive("a.bin", new byte[] {1});
    EvidencePackage.ArchivedFile tampered = archive("b.bin", new byte[] {2});
    Files.write(tampered.path(), new byte[] {3});
    Path zip = directory.resolve("case-7.zip");

    assertThatThrownBy(() -> EvidencePackager.write(evidence(List.of(good, tampered)), GENERATED, zip))
        .isInstanceOf(EvidenceIntegrityException.class)
        .hasMessageContaining("'b.bin'")
        .hasMessageContaining("was archived as " + tampered.sha256().hex())
        .hasMessageContaining("the package is not made");
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("store-a.bin", "store-b.bin");
    }
  }

  @Test
  void aMissingFileStopsTheExportWithItsName() throws Exception {
    EvidencePackage.ArchivedFile gone = archive("gone.bin", new byte[] {1});
    Files.delete(gone.path());

    assertThatThrownBy(() -> EvidencePackager.write(evidence(List.of(gone)), GENERATED, new ByteArrayOutputStream()))
        .isInstanceOf(EvidenceIntegrityException.class)
        .hasMessageContaining("'gone.bin' is missing");
  }

  @Test
  void theSameEvidenceGivesTheSameBytes() throws Exception {
    EvidencePackage evidence = evidence(List.of(archive("a.bin", new byte[] {1, 2})));
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();

    EvidencePackager.write(evidence, GENERATED, first);
    EvidencePackager.write(evidence, GENERATED, second);

    assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
  }

  @Test
  void namesThatCouldEscapeTheZipOrHideCharactersAreRefused() {
    Sha256 digest = Sha256.of(new byte[0]);
    for (String name : List.of("../evil", "a/b", ".hidden", "", "x\u202Eexe.png", "C:\\x", "a".repeat(121))) {
      assertThatThrownBy(() -> new EvidencePackage.ArchivedFile(name, directory, digest))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name it by its digest")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u202E"));
    }
    assertThatThrownBy(() -> evidence(List.of(new EvidencePackage.ArchivedFile("a", directory, digest), new EvidencePackage.ArchivedFile("a", directory, digest))))
        .hasMessageContaining("two archived files are named 'a'");
  }
}
