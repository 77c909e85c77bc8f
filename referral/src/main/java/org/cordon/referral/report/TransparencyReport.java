package org.cordon.referral.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cordon.referral.report.TransparencyFigures.Counts;
import org.cordon.referral.report.TransparencyFigures.PlatformFigures;
import org.cordon.referral.report.TransparencyFigures.TierFigures;
import org.cordon.referral.report.TransparencyFigures.Times;

/**
 * The transparency report of a period, as one self-contained HTML page (inline CSS and SVG charts,
 * no script, nothing fetched) or as a PDF with the same figures and charts. Every text that comes
 * from configuration or data is escaped.
 */
public final class TransparencyReport {
  private TransparencyReport() {}

  /** "91.7 %", or "n/a" without requests. */
  public static String percent(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.1f %%", rate.getAsDouble() * 100) : "n/a";
  }

  /** "12.5 min", or "n/a" without cases. */
  public static String minutes(Optional<Duration> duration) {
    return duration.map(d -> String.format(Locale.ROOT, "%.1f min", d.toMillis() / 60_000.0)).orElse("n/a");
  }

  static String title(TransparencyFigures figures) {
    return "Transparency report " + figures.from() + " to " + figures.to() + ": " + figures.unit();
  }

  private record Row(List<String> cells) {}

  private static List<String> countHeader(String first) {
    return List.of(first, "Referrals", "Removal orders", "Removed", "Rejected", "Removal rate");
  }

  private static List<String> countCells(String first, Counts c) {
    return List.of(first, Long.toString(c.referrals()), Long.toString(c.removalOrders()), Long.toString(c.removed()),
        Long.toString(c.rejected()), percent(c.removalRate()));
  }

  private static List<String> timesCells(String first, Times toReferral, Times toRemoval) {
    return List.of(first, minutes(toReferral.median()), minutes(toReferral.p90()), Long.toString(toReferral.count()),
        minutes(toRemoval.median()), minutes(toRemoval.p90()), Long.toString(toRemoval.count()));
  }

  private static final List<String> TIMES_HEADER = List.of("", "First seen to request, median", "p90", "requests",
      "Request to removal, median", "p90", "removals");

  private static List<PdfLayout.Bar> rateBars(List<String> labels, List<Counts> counts) {
    List<PdfLayout.Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      OptionalDouble rate = counts.get(i).removalRate();
      bars.add(new PdfLayout.Bar(labels.get(i), rate.orElse(0) * 100, percent(rate)));
    }
    return bars;
  }

  private static List<PdfLayout.Bar> requestBars(List<String> labels, List<Counts> counts) {
    List<PdfLayout.Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      bars.add(new PdfLayout.Bar(labels.get(i), counts.get(i).requests(), Long.toString(counts.get(i).requests())));
    }
    return bars;
  }

  private static List<PdfLayout.Bar> medianBars(List<TierFigures> tiers) {
    List<PdfLayout.Bar> bars = new ArrayList<>();
    for (TierFigures t : tiers) {
      Optional<Duration> median = t.firstSeenToReferral().median();
      bars.add(new PdfLayout.Bar(t.tier().label(), median.map(d -> d.toMillis() / 60_000.0).orElse(0.0), minutes(median)));
    }
    return bars;
  }

  // ---------------------------------------------------------------------------------------- HTML

  /** A whole HTML page (well-formed XHTML, so an XML parser reads it too). */
  public static String html(TransparencyFigures figures) {
    List<String> platformLabels = figures.platforms().stream().map(p -> p.platform().name()).toList();
    List<Counts> platformCounts = figures.platforms().stream().map(PlatformFigures::counts).toList();
    List<String> tierLabels = figures.tiers().stream().map(t -> t.tier().label()).toList();
    List<Counts> tierCounts = figures.tiers().stream().map(TierFigures::counts).toList();
    Counts total = figures.total();

    StringBuilder out = new StringBuilder(16 * 1024);
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
    out.append("<meta charset=\"utf-8\"/>\n");
    out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n");
    out.append("<title>").append(escape(title(figures))).append("</title>\n");
    out.append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:right}"
        + "th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold;margin-bottom:.3em}"
        + "svg text{font-family:sans-serif;font-size:12px}</style>\n");
    out.append("</head>\n<body>\n");
    out.append("<h1>").append(escape("Transparency report: " + figures.unit())).append("</h1>\n");
    out.append("<p>Period ").append(escape(figures.from().toString())).append(" to ").append(escape(figures.to().toString()))
        .append(", generated ").append(escape(figures.generatedAt().toString())).append(".</p>\n");

    out.append("<h2>Summary</h2>\n<ul>\n");
    item(out, "Referrals", Long.toString(total.referrals()));
    item(out, "Removal orders", Long.toString(total.removalOrders()));
    item(out, "Removed", Long.toString(total.removed()));
    item(out, "Rejected", Long.toString(total.rejected()));
    item(out, "Removal rate", percent(total.removalRate()));
    item(out, "First seen to request, median", minutes(figures.firstSeenToReferral().median()));
    item(out, "First seen to request, p90", minutes(figures.firstSeenToReferral().p90()));
    item(out, "Request to removal, median", minutes(figures.referralToRemoval().median()));
    item(out, "Request to removal, p90", minutes(figures.referralToRemoval().p90()));
    item(out, "Holds for national investigations", Long.toString(figures.holds()));
    item(out, "Hits told to national units", Long.toString(figures.hits()));
    item(out, "Complaints (Art. 10)", Long.toString(figures.complaints()));
    item(out, "Reinstatements", Long.toString(figures.reinstatements()));
    out.append("</ul>\n");

    out.append("<h2>By platform</h2>\n");
    List<Row> platformRows = new ArrayList<>();
    figures.platforms().forEach(p -> platformRows.add(new Row(countCells(p.platform().name(), p.counts()))));
    platformRows.add(new Row(countCells("All platforms", total)));
    table(out, "platforms", "Requests and removals by platform", countHeader("Platform"), platformRows);
    svgChart(out, "chart-rate-platform", "Removal rate by platform", rateBars(platformLabels, platformCounts));
    svgChart(out, "chart-requests-platform", "Requests by platform", requestBars(platformLabels, platformCounts));

    out.append("<h2>By tier</h2>\n");
    List<Row> tierRows = new ArrayList<>();
    figures.tiers().forEach(t -> tierRows.add(new Row(countCells(t.tier().label(), t.counts()))));
    table(out, "tiers", "Requests and removals by tier", countHeader("Tier"), tierRows);
    svgChart(out, "chart-rate-tier", "Removal rate by tier", rateBars(tierLabels, tierCounts));

    out.append("<h2>Time to act</h2>\n");
    List<Row> timeRows = new ArrayList<>();
    figures.tiers().forEach(t -> timeRows.add(new Row(timesCells(t.tier().label(), t.firstSeenToReferral(), t.referralToRemoval()))));
    timeRows.add(new Row(timesCells("All tiers", figures.firstSeenToReferral(), figures.referralToRemoval())));
    table(out, "times", "Minutes from first seen to request and from request to removal", TIMES_HEADER, timeRows);
    svgChart(out, "chart-median-tier", "Median minutes from first seen to request, by tier", medianBars(figures.tiers()));

    out.append("<p>Removal rate: requests whose content was removed or disabled, over all requests sent in the period. "
        + "Percentiles are nearest-rank.</p>\n");
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void item(StringBuilder out, String label, String value) {
    out.append("<li>").append(escape(label)).append(": <strong>").append(escape(value)).append("</strong></li>\n");
  }

  private static void table(StringBuilder out, String id, String caption, List<String> header, List<Row> rows) {
    out.append("<table id=\"").append(id).append("\">\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (Row row : rows) {
      out.append("<tr>");
      row.cells().forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  /** A horizontal bar chart as inline SVG: one rect per bar, its label left and its value right. */
  private static void svgChart(StringBuilder out, String id, String caption, List<PdfLayout.Bar> bars) {
    int labelWidth = 190;
    int chartWidth = 360;
    int rowHeight = 24;
    int width = labelWidth + chartWidth + 90;
    int height = rowHeight * bars.size() + 30;
    double max = bars.stream().mapToDouble(PdfLayout.Bar::value).max().orElse(0);
    out.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(escape(caption)).append("\">\n");
    out.append("<title>").append(escape(caption)).append("</title>\n");
    for (int i = 0; i < bars.size(); i++) {
      PdfLayout.Bar bar = bars.get(i);
      int y = 10 + i * rowHeight;
      double length = max > 0 ? chartWidth * bar.value() / max : 0;
      out.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(escape(bar.label())).append("</text>");
      out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#335c99\"/>",
          labelWidth, y + 2, Math.max(length, 0.5), rowHeight - 6));
      out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">", labelWidth + length + 6, y + 15))
          .append(escape(bar.valueText())).append("</text>\n");
    }
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"8\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>\n", labelWidth, labelWidth, height - 18));
    out.append("</svg>\n<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
  }

  /**
   * Text for HTML and XML: the five special characters as entities, and control and format
   * characters (bidi overrides, zero-width) as visible {@code [U+XXXX]}.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE || (c & 0xFFFE) == 0xFFFE) {
            out.append(String.format(Locale.ROOT, "[U+%04X]", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  // ----------------------------------------------------------------------------------------- PDF

  /** The same report as a PDF, with the charts drawn as vector bars. */
  public static byte[] pdf(TransparencyFigures figures) {
    List<String> platformLabels = figures.platforms().stream().map(p -> p.platform().name()).toList();
    List<Counts> platformCounts = figures.platforms().stream().map(PlatformFigures::counts).toList();
    List<String> tierLabels = figures.tiers().stream().map(t -> t.tier().label()).toList();
    List<Counts> tierCounts = figures.tiers().stream().map(TierFigures::counts).toList();
    Counts total = figures.total();
    try (PdfLayout pdf = PdfLayout.a4(title(figures), figures.generatedAt())) {
      pdf.title("Transparency report: " + figures.unit());
      pdf.paragraph("Period " + figures.from() + " to " + figures.to() + ", generated " + figures.generatedAt() + ".");
      pdf.heading("Summary");
      pdf.paragraph("Referrals: " + total.referrals() + "   Removal orders: " + total.removalOrders() + "   Removed: " + total.removed()
          + "   Rejected: " + total.rejected() + "   Removal rate: " + percent(total.removalRate()));
      pdf.paragraph("First seen to request: median " + minutes(figures.firstSeenToReferral().median()) + ", p90 "
          + minutes(figures.firstSeenToReferral().p90()) + " (" + figures.firstSeenToReferral().count() + " requests)");
      pdf.paragraph("Request to removal: median " + minutes(figures.referralToRemoval().median()) + ", p90 "
          + minutes(figures.referralToRemoval().p90()) + " (" + figures.referralToRemoval().count() + " removals)");
      pdf.paragraph("Holds for national investigations: " + figures.holds() + "   Hits told to national units: " + figures.hits());
      pdf.paragraph("Complaints (Art. 10): " + figures.complaints() + "   Reinstatements: " + figures.reinstatements());

      pdf.heading("By platform");
      for (PlatformFigures p : figures.platforms()) {
        pdf.bullet(countLine(p.platform().name(), p.counts()));
      }
      pdf.gap(6);
      pdf.barChart("Removal rate by platform", rateBars(platformLabels, platformCounts));
      pdf.barChart("Requests by platform", requestBars(platformLabels, platformCounts));

      pdf.heading("By tier");
      for (TierFigures t : figures.tiers()) {
        pdf.bullet(countLine(t.tier().label(), t.counts()));
        pdf.bullet(t.tier().label() + " times: first seen to request median " + minutes(t.firstSeenToReferral().median()) + ", p90 "
            + minutes(t.firstSeenToReferral().p90()) + "; request to removal median " + minutes(t.referralToRemoval().median())
            + ", p90 " + minutes(t.referralToRemoval().p90()));
      }
      pdf.gap(6);
      pdf.barChart("Removal rate by tier", rateBars(tierLabels, tierCounts));
      pdf.barChart("Median minutes from first seen to request, by tier", medianBars(figures.tiers()));
      pdf.paragraph("Removal rate: requests whose content was removed or disabled, over all requests sent in the period. Percentiles are nearest-rank.");
      return pdf.toBytes();
    }
  }

  private static String countLine(String label, Counts c) {
    return label + ": referrals " + c.referrals() + ", removal orders " + c.removalOrders() + ", removed " + c.removed()
        + ", rejected " + c.rejected() + ", removal rate " + percent(c.removalRate());
  }
}
