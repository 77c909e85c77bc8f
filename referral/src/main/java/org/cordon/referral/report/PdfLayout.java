package org.cordon.referral.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays text and bar charts out on A4 pages, top to bottom. Body text is set in Liberation Sans,
 * which PDFBox ships in its own jar (so nothing is downloaded), embedded as a subset: it covers the
 * Latin, Greek and Cyrillic alphabets of every EU language. Headings are Helvetica Bold (standard,
 * not embedded) unless they need more.
 *
 * <p>Every character the font cannot show (Arabic, CJK, emoji), and every control, bidirectional
 * or zero-width character, is written as {@code [U+XXXX]}: nothing from a post can reorder or hide
 * the text around it, nothing is silently dropped, and {@link #substituted()} lists what was
 * replaced so a document can say so. Arabic therefore appears as code points, not glyphs:
 * readable by a machine, not by a person (shaping and right-to-left layout would need a font
 * with Arabic glyphs and a shaping library).
 *
 * <p>Used by the removal order, the evidence summary and the transparency report; not thread-safe.
 */
public final class PdfLayout implements AutoCloseable {
  /** One bar of a chart. */
  public record Bar(String label, double value, String valueText) {
    public Bar {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(valueText, "valueText");
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("a bar's value is finite and not negative: " + value);
      }
    }
  }

  private static final float MARGIN = 50;
  private static final float BODY_SIZE = 10;
  private static final float LEADING = 1.35f;

  private final PDDocument document = new PDDocument();
  /** Liberation Sans, which PDFBox ships in its jar; embedded as a subset. */
  private static final String EMBEDDED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private final PDFont regular;
  private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
  private final Map<PDFont, Map<Integer, Float>> widths = new HashMap<>();
  private final SortedSet<Integer> substituted = new TreeSet<>();
  private PDPageContentStream content;
  private float y;
  private int pages;

  private PdfLayout(String title, Instant created) {
    this.regular = regularFont(document);
    PDDocumentInformation info = document.getDocumentInformation();
    // Metadata holds any Unicode; only characters that hide or reorder text are made visible.
    info.setTitle(title.codePoints()
        .mapToObj(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? "[" + codePointName(c) + "]" : Character.toString(c))
        .collect(java.util.stream.Collectors.joining()));
    info.setProducer("Cordon");
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
    calendar.setTimeInMillis(created.toEpochMilli());
    info.setCreationDate(calendar);
    // PDFBox otherwise makes the file's /ID from the clock: the same content would give different bytes.
    document.setDocumentId(created.toEpochMilli() * 31 + title.hashCode());
    newPage();
  }

  /**
   * Liberation Sans covers the Latin, Greek and Cyrillic scripts of every EU language; Helvetica,
   * which needs nothing embedded, covers only Western European text, so it is the fallback.
   */
  private static PDFont regularFont(PDDocument document) {
    try (InputStream in = PDDocument.class.getResourceAsStream(EMBEDDED_FONT)) {
      if (in != null) {
        return PDType0Font.load(document, in, true);
      }
    } catch (IOException e) {
      // fall back below
    }
    return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }

  /** A new document with one empty page; {@code created} goes into its metadata. */
  public static PdfLayout a4(String title, Instant created) {
    return new PdfLayout(title, created);
  }

  public void title(String text) {
    write(text, bold, 16, 0);
    gap(6);
  }

  public void heading(String text) {
    gap(8);
    write(text, bold, 12, 0);
    gap(2);
  }

  /** A label in bold and its value, wrapped under it and indented. */
  public void field(String label, String value) {
    ensureRoom(BODY_SIZE * LEADING * 2);
    write(label, bold, BODY_SIZE, 0);
    write(value.isEmpty() ? "(not given)" : value, regular, BODY_SIZE, 12);
  }

  public void paragraph(String text) {
    write(text, regular, BODY_SIZE, 0);
  }

  public void bullet(String text) {
    write("- " + text, regular, BODY_SIZE, 8);
  }

  public void gap(float points) {
    y -= points;
  }

  /**
   * A horizontal bar chart: each bar's length is its value over the largest value; the value's text
   * is written after the bar.
   */
  public void barChart(String caption, List<Bar> bars) {
    float rowHeight = 14;
    float labelWidth = 150;
    float valueWidth = 70;
    float chartWidth = pageWidth() - 2 * MARGIN - labelWidth - valueWidth;
    ensureRoom(rowHeight * (bars.size() + 2));
    write(caption, bold, BODY_SIZE, 0);
    gap(2);
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    try {
      for (Bar bar : bars) {
        ensureRoom(rowHeight);
        float baseline = y - rowHeight + 4;
        text(clip(bar.label(), regular, BODY_SIZE - 1, labelWidth - 6), regular, BODY_SIZE - 1, MARGIN, baseline);
        float length = max > 0 ? (float) (chartWidth * bar.value() / max) : 0;
        content.setNonStrokingColor(0.20f, 0.36f, 0.60f);
        content.addRect(MARGIN + labelWidth, baseline - 2, Math.max(length, 0.5f), rowHeight - 5);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        text(sanitise(bar.valueText(), regular), regular, BODY_SIZE - 1, MARGIN + labelWidth + length + 4, baseline);
        y -= rowHeight;
      }
      content.setStrokingColor(0.4f, 0.4f, 0.4f);
      content.moveTo(MARGIN + labelWidth, y + 2);
      content.lineTo(MARGIN + labelWidth, y + 2 + rowHeight * bars.size());
      content.stroke();
      content.setStrokingColor(0f, 0f, 0f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gap(6);
  }

  /** The code points written as {@code [U+XXXX]} so far, ascending. */
  public List<Integer> substituted() {
    return List.copyOf(substituted);
  }

  /** {@code U+0627 U+0644}: the substituted code points, for a note in the document. */
  public String substitutedAsText() {
    List<String> names = new ArrayList<>();
    substituted.forEach(c -> names.add(codePointName(c)));
    return String.join(" ", names);
  }

  public int pageCount() {
    return pages;
  }

  /** Finishes the document and returns its bytes; the layout is closed afterwards. */
  public byte[] toBytes() {
    try {
      content.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      document.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the PDF", e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text as the body font can show it: every character it cannot encode, and every control or
   * format (bidi, zero-width) character, becomes {@code [U+XXXX]}.
   */
  public String sanitise(String text) {
    return sanitise(text, regular);
  }

  private String sanitise(String text, PDFont font) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == ' ' || (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && canEncode(font, c))) {
        out.appendCodePoint(c);
      } else {
        substituted.add(c);
        out.append('[').append(codePointName(c)).append(']');
      }
    });
    return out.toString();
  }

  /** Bold text is Helvetica Bold unless it needs characters only the body font has; then it is set in the body font. */
  private PDFont fontFor(String text, PDFont wanted) {
    if (wanted == regular || text.codePoints().allMatch(c -> canEncode(bold, c) || !canEncode(regular, c))) {
      return wanted;
    }
    return regular;
  }

  private static String codePointName(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  private boolean canEncode(PDFont font, int c) {
    return encodable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(c, k -> {
      try {
        font.encode(new String(Character.toChars(k)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    });
  }

  private void write(String text, PDFont wanted, float size, float indent) {
    float width = pageWidth() - 2 * MARGIN - indent;
    for (String paragraph : text.split("\r\n|\r|\n", -1)) {
      PDFont font = fontFor(paragraph, wanted);
      for (String line : wrap(sanitise(paragraph, font), font, size, width)) {
        ensureRoom(size * LEADING);
        y -= size * LEADING;
        text(line, font, size, MARGIN + indent, y);
      }
    }
  }

  private void text(String sanitised, PDFont font, float size, float x, float baseline) {
    try {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, baseline);
      content.showText(sanitised);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Breaks at spaces where it can and inside a word (a long URL) where it must. */
  private List<String> wrap(String text, PDFont font, float size, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font, size) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (!rest.isEmpty()) {
        int cut = fitting(rest, font, size, width);
        if (cut == rest.length()) {
          break;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The length of the longest start of {@code text} that fits {@code width}; at least one character. */
  private int fitting(String text, PDFont font, float size, float width) {
    int cut = 1;
    while (cut < text.length() && width(text.substring(0, cut + 1), font, size) <= width) {
      cut++;
    }
    return cut;
  }

  private String clip(String text, PDFont font, float size, float width) {
    String sanitised = sanitise(text.length() > 200 ? text.substring(0, 200) : text, font);
    if (width(sanitised, font, size) <= width) {
      return sanitised;
    }
    String cut = sanitised;
    while (!cut.isEmpty() && width(cut + "...", font, size) > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }

  /** PDFBox applies no kerning, so a text's width is the sum of its characters' widths, each measured once. */
  private float width(String sanitised, PDFont font, float size) {
    Map<Integer, Float> known = widths.computeIfAbsent(font, f -> new HashMap<>());
    float units = 0;
    for (int i = 0; i < sanitised.length(); ) {
      int c = sanitised.codePointAt(i);
      units += known.computeIfAbsent(c, k -> {
        try {
          return font.getStringWidth(new String(Character.toChars(k)));
        } catch (IOException | IllegalArgumentException e) {
          throw new IllegalStateException("a sanitised character has no width: " + codePointName(k), e);
        }
      });
      i += Character.charCount(c);
    }
    return units / 1000 * size;
  }

  private float pageWidth() {
    return PDRectangle.A4.getWidth();
  }

  private void ensureRoom(float height) {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      pages++;
      y = page.getMediaBox().getHeight() - MARGIN;
      footer(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void footer(PDPage page) throws IOException {
    content.beginText();
    content.setFont(regular, 8);
    content.newLineAtOffset(MARGIN, MARGIN / 2);
    content.showText("Page " + pages);
    content.endText();
  }
}
