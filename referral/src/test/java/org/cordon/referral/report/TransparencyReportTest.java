package org.cordon.referral.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cordon.core.model.Platform;
import org.cordon.core.signal.Tier;
import org.cordon.referral.report.TransparencyFigures.Counts;
import org.cordon.referral.report.TransparencyFigures.PlatformFigures;
import org.cordon.referral.report.TransparencyFigures.TierFigures;
import org.cordon.referral.report.TransparencyFigures.Times;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class TransparencyReportTest {
  static TransparencyFigures figures(String unit) {
    return new TransparencyFigures(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Instant.parse("2027-01-15T10:00:00Z"),
        List.of(
            new PlatformFigures(Platform.X, new Counts(1200, 40, 1150, 60)),
            new PlatformFigures(Platform.TELEGRAM, new Counts(800, 10, 680, 90)),
            new PlatformFigures(Platform.VIDEO, new Counts(0, 0, 0, 0))),
        List.of(
            new TierFigures(Tier.THREAT_TO_LIFE, new Counts(30, 20, 49, 1),
                new Times(50, Optional.of(Duration.ofSeconds(390)), Optional.of(Duration.ofMinutes(14))),
                new Times(49, Optional.of(Duration.ofMinutes(22)), Optional.of(Duration.ofMinutes(55)))),
            new TierFigures(Tier.PROMOTIONAL, new Counts(1970, 30, 1781, 149),
                new Times(2000, Optional.of(Duration.ofMinutes(48)), Optional.of(Duration.ofMinutes(110))),
                Times.NONE)),
        new Times(2050, Optional.of(Duration.ofMinutes(47)), Optional.of(Duration.ofMinutes(108))),
        new Times(1830, Optional.of(Duration.ofMinutes(95)), Optional.of(Duration.ofMinutes(600))),
        46, 131, 12, 3);
  }

  private static Document parseXml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document document, String xpath) throws Exception {
    XPath path = XPathFactory.newInstance().newXPath();
    path.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        return switch (prefix) {
          case "h" -> "http://www.w3.org/1999/xhtml";
          case "s" -> "http://www.w3.org/2000/svg";
          default -> "";
        };
      }

      @Override
      public String getPrefix(String uri) {
        return null;
      }

      @Override
      public java.util.Iterator<String> getPrefixes(String uri) {
        return Collections.emptyIterator();
      }
    });
    NodeList nodes = (NodeList) path.evaluate(xpath, document, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void theHtmlParsesAndItsTablesHoldEveryFigure() throws Exception {
    Document html = parseXml(TransparencyReport.html(figures("Internet Referral Desk Testland")));

    assertThat(texts(html, "//h:table[@id='platforms']/h:tbody/h:tr[1]/h:td"))
        .containsExactly("x", "1200", "40", "1150", "60", "92.7 %");
    assertThat(texts(html, "//h:table[@id='platforms']/h:tbody/h:tr[3]/h:td")).containsExactly("video", "0", "0", "0", "0", "n/a");
    assertThat(texts(html, "//h:table[@id='platforms']/h:tbody/h:tr[4]/h:td"))
        .containsExactly("All platforms", "2000", "50", "1830", "150", "89.3 %");
    assertThat(texts(html, "//h:table[@id='tiers']/h:tbody/h:tr[1]/h:td"))
        .containsExactly("threat to life", "30", "20", "49", "1", "98.0 %");
    assertThat(texts(html, "//h:table[@id='times']/h:tbody/h:tr[1]/h:td"))
        .containsExactly("threat to life", "6.5 min", "14.0 min", "50", "22.0 min", "55.0 min", "49");
    assertThat(texts(html, "//h:table[@id='times']/h:tbody/h:tr[2]/h:td")).endsWith("n/a", "n/a", "0");
    String summary = String.join("\n", texts(html, "//h:ul/h:li"));
    assertThat(summary).contains("Holds for national investigations: 46", "Hits told to national units: 131",
        "Complaints (Art. 10): 12", "Reinstatements: 3", "First seen to request, median: 47.0 min", "Request to removal, p90: 600.0 min");
  }

  @Test
  void theHtmlChartsAreInlineSvgWithOneBarPerRowAndTheirValues() throws Exception {
    Document html = parseXml(TransparencyReport.html(figures("Unit")));

    assertThat(texts(html, "//s:svg[@id='chart-rate-platform']/s:rect")).hasSize(3);
    assertThat(texts(html, "//s:svg[@id='chart-rate-platform']/s:text")).contains("x", "92.7 %", "telegram", "84.0 %");
    assertThat(texts(html, "//s:svg[@id='chart-median-tier']/s:text")).contains("6.5 min", "48.0 min");
    assertThat(texts(html, "//s:svg")).hasSize(4);
    assertThat(texts(html, "//*[local-name()='script' or local-name()='img' or local-name()='link' or local-name()='iframe']")).isEmpty();
  }

  @Test
  void textFromConfigurationIsEscapedAndCannotInjectMarkup() throws Exception {
    String hostile = "<script>alert(1)</script> & \"Co\" \u202Eevil";

    String page = TransparencyReport.html(figures(hostile));
    Document html = parseXml(page);

    assertThat(page).doesNotContain("<script>").doesNotContain("\u202E");
    assertThat(texts(html, "//h:h1")).containsExactly("Transparency report: <script>alert(1)</script> & \"Co\" [U+202E]evil");
    assertThat(texts(html, "//*[local-name()='script']")).isEmpty();
  }

  @Test
  void thePdfHasTheFiguresAndDrawsItsChartsAsBars() throws Exception {
    byte[] pdf = TransparencyReport.pdf(figures("Internet Referral Desk Testland"));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Transparency report: Internet Referral Desk Testland", "2026-01-01 to 2026-12-31",
          "Referrals: 2000", "Removal orders: 50", "Removal rate: 89.3 %", "median 47.0 min", "p90 108.0 min",
          "Holds for national investigations: 46", "Hits told to national units: 131", "Complaints (Art. 10): 12", "Reinstatements: 3",
          "x: referrals 1200, removal orders 40, removed 1150, rejected 60, removal rate 92.7 %", "telegram", "threat to life",
          "Removal rate by platform", "Median minutes from first seen to request, by tier");
      int rectangles = 0;
      for (PDPage page : document.getPages()) {
        for (Object token : new PDFStreamParser(page).parse()) {
          if (token instanceof Operator operator && operator.getName().equals("re")) {
            rectangles++;
          }
        }
      }
      assertThat(rectangles).as("one bar per platform (x2 charts) and per tier (x2 charts)").isEqualTo(3 + 3 + 2 + 2);
    }
  }

  @Test
  void percentilesAreNearestRankOverTheSamples() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<Duration> samples = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      samples.add(Duration.ofMinutes(i));
    }
    Collections.shuffle(samples, random);

    Times times = Times.of(samples);

    assertThat(times.count()).as("seed %d", seed).isEqualTo(100);
    assertThat(times.median()).as("seed %d", seed).contains(Duration.ofMinutes(50));
    assertThat(times.p90()).as("seed %d", seed).contains(Duration.ofMinutes(90));
    assertThat(Times.of(List.of(Duration.ofMinutes(7))).p90()).contains(Duration.ofMinutes(7));
    assertThat(Times.of(List.of())).isEqualTo(Times.NONE);
    assertThatThrownBy(() -> Times.of(List.of(Duration.ofMinutes(-1)))).hasMessageContaining("negative");
  }

  @Test
  void impossibleFiguresAreRefused() {
    assertThatThrownBy(() -> new Counts(10, 0, 8, 3)).hasMessageContaining("more outcomes");
    assertThatThrownBy(() -> new TransparencyFigures("u", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), Instant.EPOCH,
        List.of(), List.of(), Times.NONE, Times.NONE, 0, 0, 0, 0)).hasMessageContaining("ends");
  }
}
