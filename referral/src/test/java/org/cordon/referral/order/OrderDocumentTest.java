package org.cordon.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cordon.referral.order.AnnexIForm.Content;
import org.junit.jupiter.api.Test;

class OrderDocumentTest {
  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Lines wrap wherever the page ends, so compare without whitespace. */
  static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  static List<String> everyValue(AnnexIForm f) {
    List<String> values = new ArrayList<>(List.of(
        f.issuingAuthority().memberState(), f.issuingAuthority().name(), f.issuingAuthority().representativeName(),
        f.issuingAuthority().representativePost(), f.issuingAuthority().fileNumber(), f.issuingAuthority().address(),
        f.issuingAuthority().phone(), f.issuingAuthority().email(), f.issuingAuthority().type().label(),
        f.addressee().hostingServiceProvider(), f.addressee().legalRepresentative().orElseThrow(), f.addressee().contactPoint(),
        f.addressee().mainEstablishment(), f.reference(), f.issuedAt().orElseThrow().toString(),
        f.content().additionalInformation(), f.reasons().additionalInformation(),
        f.crossBorder().copySentTo().orElseThrow(), f.followUp().name(), f.followUp().email(), f.followUp().phone(),
        f.redress().competentBody(), f.redress().deadline(), f.redress().nationalProvisions(),
        f.authentication().signatory(), f.authentication().post(), f.authentication().signedAt().orElseThrow().toString(),
        f.authentication().method().label()));
    values.addAll(f.content().urls());
    f.reasons().grounds().forEach(g -> values.add("[X] Art. " + g.article()));
    return values;
  }

  @Test
  void thePdfParsesBackAndContainsEveryFieldValue() throws IOException {
    AnnexIForm form = AnnexIForms.complete();

    byte[] pdf = OrderDocument.render(form);
    String text = squeezed(pdfText(pdf));

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    for (String value : everyValue(form)) {
      assertThat(text).as("the PDF shows '%s'", value).contains(squeezed(value));
    }
    assertThat(text).contains(squeezed("[ ] Art. 2(7)(e)")).doesNotContain("DRAFT");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Removal order " + form.reference());
    }
  }

  @Test
  void thePlainTextHasEveryFieldValueOnItsOwnLine() {
    AnnexIForm form = AnnexIForms.complete();

    String text = OrderDocument.text(form);

    for (String value : everyValue(form)) {
      assertThat(text).as("the text shows '%s'", value).contains(value);
    }
    assertThat(text.lines()).contains("  " + form.content().urls().get(0), "  " + form.reference());
    assertThat(text).startsWith("REMOVAL ORDER\n").doesNotContain("DRAFT");
  }

  @Test
  void anIncompleteFormRendersAsADraftNamingItsMissingFields() throws IOException {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm draft = new AnnexIForm(f.issuingAuthority(), f.addressee(), "", Optional.empty(), f.content(), f.reasons(),
        f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication());

    assertThat(OrderDocument.text(draft)).contains("DRAFT - NOT A VALID ORDER. Missing or invalid: reference, issuedAt");
    assertThat(squeezed(pdfText(OrderDocument.render(draft)))).contains(squeezed("DRAFT - NOT A VALID ORDER"));
  }

  @Test
  void arabicAndBidiCharactersAreShownAsCodePointsAndListed() throws IOException {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm form = AnnexIValidatorTest.with(f, new Content(f.content().urls(), "caption \u0627\u0644\u0641 and \u202Etxt.exe with caf\u00e9"));

    String text = pdfText(OrderDocument.render(form));

    assertThat(squeezed(text)).contains(squeezed("caption [U+0627][U+0644][U+0641] and [U+202E]txt.exe with caf\u00e9"));
    assertThat(text).contains("Note on characters").contains("U+0627 U+0641 U+0644 U+202E");
    assertThat(text).doesNotContain("\u202E");
  }

  @Test
  void aLongOrderFlowsOntoMorePagesWithoutLosingAUrl() throws IOException {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      urls.add("https://video.example/watch?v=placeholder-" + i + "&list=" + "x".repeat(i % 90));
    }
    AnnexIForm form = AnnexIForms.complete("NL-IRU-2026-000999", urls);

    byte[] pdf = OrderDocument.render(form);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(3);
    }
    String text = squeezed(pdfText(pdf));
    urls.forEach(url -> assertThat(text).contains(squeezed(url)));
  }
}
