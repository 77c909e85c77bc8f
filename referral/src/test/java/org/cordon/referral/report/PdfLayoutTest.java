package org.cordon.referral.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfLayoutTest {
  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void charactersTheFontCannotShowBecomeCodePointsAndAreListed() {
    try (PdfLayout pdf = PdfLayout.a4("t", Instant.EPOCH)) {
      String shown = pdf.sanitise("caf\u00e9 \u20ac \u0627\u0644 a\u200Bb \u202Ex\ttab \uD83D\uDE00");

      assertThat(shown).isEqualTo("caf\u00e9 \u20ac [U+0627][U+0644] a[U+200B]b [U+202E]x[U+0009]tab [U+1F600]");
      assertThat(pdf.substituted()).containsExactly(0x09, 0x0627, 0x0644, 0x200B, 0x202E, 0x1F600);
      assertThat(pdf.substitutedAsText()).isEqualTo("U+0009 U+0627 U+0644 U+200B U+202E U+1F600");
    }
  }

  @Test
  void everyEuAlphabetIsShownAsItIsInBodyTextAndHeadings() throws Exception {
    String names = "\u0141\u00f3d\u017a \u0218tef\u0103ne\u0219ti \u0391\u03b8\u03ae\u03bd\u03b1 \u0421\u043e\u0444\u0438\u044f \u010ce\u0161k\u00e9 Bud\u0115jovice \u00c5rhus";
    byte[] bytes;
    try (PdfLayout pdf = PdfLayout.a4("t", Instant.EPOCH)) {
      pdf.heading(names);
      pdf.paragraph(names);
      assertThat(pdf.substituted()).isEmpty();
      bytes = pdf.toBytes();
    }

    assertThat(text(bytes).lines()).contains(names).filteredOn(names::equals).hasSize(2);
  }

  @Test
  void aWordWiderThanThePageIsBrokenAcrossLinesWithoutLosingACharacter() throws Exception {
    String word = "https://file.example/" + "abcdefghij".repeat(400);
    byte[] bytes;
    try (PdfLayout pdf = PdfLayout.a4("t", Instant.EPOCH)) {
      pdf.field("URL", word);
      bytes = pdf.toBytes();
    }

    String text = text(bytes);

    assertThat(text.replaceAll("\\s+", "").replaceAll("Page\\d+", "")).isEqualTo("URL" + word);
  }

  @Test
  void longTextFlowsOntoNewPagesEachWithItsNumber() throws Exception {
    byte[] bytes;
    int pages;
    try (PdfLayout pdf = PdfLayout.a4("t", Instant.EPOCH)) {
      for (int i = 0; i < 300; i++) {
        pdf.bullet("line number " + i);
      }
      pdf.barChart("chart", List.of(new PdfLayout.Bar("a", 1, "1"), new PdfLayout.Bar("b", 0, "0")));
      pages = pdf.pageCount();
      bytes = pdf.toBytes();
    }

    String text = text(bytes);

    assertThat(pages).isGreaterThan(3);
    assertThat(text).contains("line number 0", "line number 299", "Page " + pages, "chart");
  }
}
