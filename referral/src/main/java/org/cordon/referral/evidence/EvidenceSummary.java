package org.cordon.referral.evidence;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.cordon.referral.report.PdfLayout;

/** {@code summary.pdf}: the case on paper, for a reader without tools. */
final class EvidenceSummary {
  private EvidenceSummary() {}

  /** {@code sizes} holds the byte count of each archived file, by name. */
  static byte[] render(EvidencePackage evidence, Map<String, Long> sizes, Instant generatedAt) {
    try (PdfLayout pdf = PdfLayout.a4("Evidence package, case " + evidence.caseId(), generatedAt)) {
      pdf.title("Evidence package: case " + evidence.caseId());
      pdf.paragraph("Generated " + generatedAt + " by Cordon. manifest.json in this package lists the SHA-256 digest of every file in it, this summary included.");
      pdf.heading("The case");
      pdf.field("Case id", evidence.caseId().toString());
      pdf.field("Subject", evidence.subject().kind().name().toLowerCase(Locale.ROOT) + " " + evidence.subject().id() + " on " + evidence.subject().platform());
      pdf.field("Platform", evidence.platform().name());
      pdf.field("Tier", evidence.tier().label() + " (" + evidence.tier().key() + ")");
      pdf.field("Category", evidence.category());
      pdf.field("First seen", evidence.firstSeen().toString());
      pdf.heading("URLs (" + evidence.urls().size() + ")");
      if (evidence.urls().isEmpty()) {
        pdf.paragraph("none recorded");
      }
      evidence.urls().forEach(pdf::bullet);
      pdf.heading("Decision trail (" + evidence.decisions().size() + ")");
      if (evidence.decisions().isEmpty()) {
        pdf.paragraph("none recorded");
      }
      evidence.decisions().forEach(d -> pdf.bullet(d.at() + "  " + d.actor() + "  " + d.action() + ": " + d.detail()));
      pdf.heading("Requests to the platform (" + evidence.requestHistory().size() + " status changes)");
      if (evidence.requestHistory().isEmpty()) {
        pdf.paragraph("none sent");
      }
      evidence.requestHistory().forEach(s -> pdf.bullet(s.at() + "  " + s.request() + "  " + s.status().name().toLowerCase(Locale.ROOT) + ": " + s.detail()));
      pdf.heading("Archived files (" + evidence.files().size() + ")");
      if (evidence.files().isEmpty()) {
        pdf.paragraph("none");
      }
      for (EvidencePackage.ArchivedFile file : evidence.files()) {
        pdf.field("files/" + file.name() + " (" + sizes.get(file.name()) + " bytes)", "SHA-256 " + file.sha256().hex());
      }
      if (!pdf.substituted().isEmpty()) {
        pdf.heading("Note on characters");
        pdf.paragraph("Characters this document's fonts cannot show, and control, bidirectional or zero-width characters, are written as [U+XXXX]: "
            + pdf.substitutedAsText() + ". The archived files hold the originals.");
      }
      return pdf.toBytes();
    }
  }
}
