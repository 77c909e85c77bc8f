package org.cordon.referral.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cordon.referral.order.AnnexIForm.ContentProviderNotice;
import org.cordon.referral.order.AnnexIForm.Ground;
import org.cordon.referral.report.PdfLayout;

/**
 * A removal order as a document the hosting service provider reads: a PDF and the same content as
 * plain text (for an e-mail body or a portal's text field). Both follow the sections of Annex I.
 * An incomplete form renders too, as a draft that names its missing fields on top, so that an
 * issuer can preview it; a gateway sends only complete forms.
 */
public final class OrderDocument {
  private OrderDocument() {}

  record Entry(String label, String value) {}

  record Section(String title, List<Entry> entries) {}

  /** The order as a PDF (A4, standard fonts; characters they cannot show are written as [U+XXXX]). */
  public static byte[] render(AnnexIForm form) {
    Instant created = form.issuedAt().orElse(Instant.EPOCH);
    try (PdfLayout pdf = PdfLayout.a4("Removal order " + form.reference(), created)) {
      pdf.title("REMOVAL ORDER");
      pdf.paragraph("Article 3 of Regulation (EU) 2021/784 on addressing the dissemination of terrorist content online");
      draftBanner(form).ifPresent(banner -> {
        pdf.gap(4);
        pdf.paragraph(banner);
      });
      pdf.gap(4);
      obligations().forEach(pdf::paragraph);
      for (Section section : sections(form)) {
        pdf.heading(section.title());
        section.entries().forEach(e -> pdf.field(e.label(), e.value()));
      }
      if (!pdf.substituted().isEmpty()) {
        pdf.heading("Note on characters");
        pdf.paragraph("Characters this document's fonts cannot show, and control, bidirectional or zero-width characters, are written as [U+XXXX] (their Unicode code point): "
            + pdf.substitutedAsText());
      }
      return pdf.toBytes();
    }
  }

  /** The order as plain text, section by section; every value is on its own line, as given. */
  public static String text(AnnexIForm form) {
    StringBuilder out = new StringBuilder();
    out.append("REMOVAL ORDER\n");
    out.append("Article 3 of Regulation (EU) 2021/784 on addressing the dissemination of terrorist content online\n");
    draftBanner(form).ifPresent(banner -> out.append('\n').append(banner).append('\n'));
    out.append('\n');
    obligations().forEach(line -> out.append(line).append('\n'));
    for (Section section : sections(form)) {
      out.append('\n').append(section.title()).append('\n');
      for (Entry entry : section.entries()) {
        out.append(entry.label()).append(":\n");
        for (String line : (entry.value().isEmpty() ? "(not given)" : entry.value()).split("\n", -1)) {
          out.append("  ").append(line).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static Optional<String> draftBanner(AnnexIForm form) {
    List<FieldProblem> problems = AnnexIValidator.problems(form);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    List<String> fields = problems.stream().map(FieldProblem::field).distinct().toList();
    return Optional.of("DRAFT - NOT A VALID ORDER. Missing or invalid: " + String.join(", ", fields));
  }

  private static List<String> obligations() {
    return List.of(
        "The addressee shall remove the terrorist content identified in Section B, or disable access to it in all Member States, as soon as possible and in any event within one hour of receiving this order (Art. 3(3)).",
        "The addressee shall preserve the removed content and related data for six months (Art. 6).");
  }

  static List<Section> sections(AnnexIForm form) {
    AnnexIForm.IssuingAuthority authority = form.issuingAuthority();
    AnnexIForm.Addressee addressee = form.addressee();
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("SECTION A: Order and addressee", List.of(
        new Entry("Member State of the issuing authority", authority.memberState()),
        new Entry("Addressee (hosting service provider)", addressee.hostingServiceProvider()),
        new Entry("Legal representative", addressee.legalRepresentative().orElse("none")),
        new Entry("Contact point", addressee.contactPoint()),
        new Entry("Member State of main establishment or legal representative", addressee.mainEstablishment()),
        new Entry("Time and date of issue", form.issuedAt().map(Instant::toString).orElse("")),
        new Entry("Reference number of the order", form.reference()))));

    List<Entry> content = new ArrayList<>();
    List<String> urls = form.content().urls();
    for (int i = 0; i < urls.size(); i++) {
      content.add(new Entry("URL " + (i + 1) + " of " + urls.size(), urls.get(i)));
    }
    if (urls.isEmpty()) {
      content.add(new Entry("URL", ""));
    }
    content.add(new Entry("Additional information locating the content", orNone(form.content().additionalInformation())));
    StringBuilder boxes = new StringBuilder();
    for (Ground ground : Ground.values()) {
      if (!boxes.isEmpty()) {
        boxes.append('\n');
      }
      boxes.append(form.reasons().grounds().contains(ground) ? "[X] " : "[ ] ").append("Art. ").append(ground.article()).append(": ").append(ground.description());
    }
    content.add(new Entry("Reasons: the material (Art. 2(7))", boxes.toString()));
    content.add(new Entry("Additional information on the reasons", form.reasons().additionalInformation()));
    sections.add(new Section("SECTION B: Terrorist content to be removed or disabled within one hour", content));

    String notice = switch (form.contentProviderNotice()) {
      case ContentProviderNotice.Inform inform ->
          "Inform the content provider of the removal as Art. 11 requires.";
      case ContentProviderNotice.Withhold withhold ->
          "For reasons of public security, do NOT inform the content provider for " + withhold.period().toDays() + " days"
              + " (Art. 11(3)). Reason: " + withhold.publicSecurityReason();
    };
    sections.add(new Section("SECTION C: Information to the content provider", List.of(new Entry("Instruction", notice))));

    sections.add(new Section("SECTION D: Main establishment in another Member State", List.of(
        new Entry("Copy of this order sent to the competent authority of",
            form.crossBorder().copySentTo().filter(s -> !s.isBlank()).orElse("not applicable: no copy sent")))));

    sections.add(new Section("SECTION E: Issuing authority", List.of(
        new Entry("Type of authority", authority.type().label()),
        new Entry("Name of the authority", authority.name()),
        new Entry("Representative and post held", join(authority.representativeName(), authority.representativePost())),
        new Entry("File number", authority.fileNumber()),
        new Entry("Address", authority.address()),
        new Entry("Telephone", authority.phone()),
        new Entry("E-mail", authority.email()),
        new Entry("Certified accurate and correct by", join(form.authentication().signatory(), form.authentication().post())),
        new Entry("Date of certification", form.authentication().signedAt().map(Instant::toString).orElse("")),
        new Entry("Authentication", form.authentication().method().label()))));

    sections.add(new Section("SECTION F: Contact for follow-up", List.of(
        new Entry("Name", form.followUp().name()),
        new Entry("E-mail", form.followUp().email()),
        new Entry("Telephone", form.followUp().phone()))));

    sections.add(new Section("SECTION G: Redress", List.of(
        new Entry("Competent body or court to challenge the order", form.redress().competentBody()),
        new Entry("Deadline for a challenge", form.redress().deadline()),
        new Entry("Provisions of national law", form.redress().nationalProvisions()))));
    return sections;
  }

  private static String orNone(String value) {
    return value.isBlank() ? "none" : value;
  }

  private static String join(String name, String post) {
    if (name.isBlank() || post.isBlank()) {
      return name.isBlank() ? post : name;
    }
    return name + ", " + post;
  }
}
