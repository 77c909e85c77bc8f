package org.cordon.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads labelled text from CSV (a header naming {@code text}, {@code label} and optionally
 * {@code language}) or JSON lines ({@code {"text": .., "label": .., "language": ..}}). A bad row
 * (invalid UTF-8, missing column, empty text or label, malformed JSON, a field over the size cap) is
 * skipped and counted with its line number; a file that is not labelled data at all is refused with
 * a {@link NotLabelledDataException} that says what was found.
 */
public final class LabelledDataReader {
  /** A post is never this long; a field this long is a broken quote or an attack. */
  public static final int DEFAULT_MAX_FIELD_BYTES = 1 << 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int maxFieldBytes;

  public LabelledDataReader() {
    this(DEFAULT_MAX_FIELD_BYTES);
  }

  public LabelledDataReader(int maxFieldBytes) {
    if (maxFieldBytes < 16) {
      throw new IllegalArgumentException("maxFieldBytes is too small: " + maxFieldBytes);
    }
    this.maxFieldBytes = maxFieldBytes;
  }

  public LabelledData read(Path file, DataFormat format) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString(), format);
    }
  }

  public LabelledData read(InputStream in, String sourceName, DataFormat format) throws IOException {
    ByteSource source = new ByteSource(in);
    if (ByteSource.looksBinary(source.peekStart())) {
      throw new NotLabelledDataException(sourceName + " is not a text file (it holds NUL bytes or is compressed); give a "
          + format.name().toLowerCase(Locale.ROOT) + " file with text and label");
    }
    source.skipByteOrderMark();
    Rows rows = new Rows();
    switch (format) {
      case CSV -> readCsv(source, sourceName, rows);
      case JSONL -> readJsonLines(source, rows);
    }
    String digest = source.drainAndDigest();
    if (rows.examples.isEmpty()) {
      throw new NotLabelledDataException("no usable row in " + sourceName + " (" + rows.skipped + " skipped)"
          + (rows.firstSkipped.isEmpty() ? "" : "; first problems: " + rows.firstSkipped.subList(0, Math.min(3, rows.firstSkipped.size()))));
    }
    return new LabelledData(sourceName, digest, rows.examples, rows.skipped, rows.firstSkipped);
  }

  private void readCsv(ByteSource source, String sourceName, Rows rows) throws IOException {
    CsvRecords records = new CsvRecords(source, maxFieldBytes);
    Optional<CsvRecords.CsvRecord> header = records.next();
    if (header.isEmpty() || header.get().problem().isPresent()) {
      throw new NotLabelledDataException(sourceName + " has no readable CSV header"
          + header.flatMap(CsvRecords.CsvRecord::problem).map(p -> " (" + p + ")").orElse(" (the file is empty)")
          + "; the first line must name the columns, e.g. text,label,language");
    }
    List<String> names = header.get().fields().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    int textColumn = names.indexOf("text");
    int labelColumn = names.indexOf("label");
    int languageColumn = names.indexOf("language");
    if (textColumn < 0 || labelColumn < 0) {
      throw new NotLabelledDataException(sourceName + " is not labelled CSV: its first line must name the columns 'text' and 'label', found "
          + abbreviate(names.toString(), 120));
    }
    int needed = Math.max(textColumn, labelColumn) + 1;
    for (Optional<CsvRecords.CsvRecord> next = records.next(); next.isPresent(); next = records.next()) {
      CsvRecords.CsvRecord record = next.get();
      if (record.fields().size() == 1 && record.fields().getFirst().isEmpty() && record.problem().isEmpty()) {
        continue; // a blank line
      }
      if (record.problem().isPresent()) {
        rows.skip(record.line(), record.problem().get());
      } else if (record.fields().size() < needed) {
        rows.skip(record.line(), "missing column '" + (record.fields().size() <= textColumn ? "text" : "label") + "' (the row has "
            + record.fields().size() + " of " + names.size() + " columns)");
      } else {
        Optional<String> language = languageColumn >= 0 && languageColumn < record.fields().size()
            ? Optional.of(record.fields().get(languageColumn).strip()).filter(l -> !l.isEmpty())
            : Optional.empty();
        rows.add(record.line(), record.fields().get(textColumn), record.fields().get(labelColumn), language);
      }
    }
  }

  private void readJsonLines(ByteSource source, Rows rows) throws IOException {
    GrowableBytes line = new GrowableBytes(maxFieldBytes + 4096);
    while (source.peek() != ByteSource.END) {
      long lineNumber = source.line();
      line.clear();
      for (int b = source.read(); b != ByteSource.END && b != '\n'; b = source.read()) {
        line.append(b);
      }
      int length = line.length();
      if (length > 0 && line.bytes()[length - 1] == '\r') {
        length--;
      }
      if (line.overflowed()) {
        rows.skip(lineNumber, "the line is longer than " + (maxFieldBytes + 4096) + " bytes");
        continue;
      }
      Optional<String> text = source.decode(line.bytes(), length);
      if (text.isEmpty()) {
        rows.skip(lineNumber, "the line is not valid UTF-8");
        continue;
      }
      if (text.get().isBlank()) {
        continue;
      }
      readJsonLine(lineNumber, text.get(), rows);
    }
  }

  private static void readJsonLine(long lineNumber, String line, Rows rows) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      rows.skip(lineNumber, "malformed JSON: " + abbreviate(e.getOriginalMessage(), 100));
      return;
    }
    if (node == null || !node.isObject()) {
      rows.skip(lineNumber, "the line is not a JSON object");
      return;
    }
    JsonNode text = node.path("text");
    JsonNode label = node.path("label");
    if (!text.isString()) {
      rows.skip(lineNumber, text.isMissingNode() ? "missing \"text\"" : "\"text\" is not a string");
      return;
    }
    if (!(label.isString() || label.isNumber() || label.isBoolean())) {
      rows.skip(lineNumber, label.isMissingNode() ? "missing \"label\"" : "\"label\" is not a string, number or boolean");
      return;
    }
    JsonNode language = node.path("language");
    rows.add(lineNumber, text.stringValue(), label.asString(),
        language.isString() ? Optional.of(language.stringValue().strip()).filter(l -> !l.isEmpty()) : Optional.empty());
  }

  private static String abbreviate(String text, int max) {
    String oneLine = String.valueOf(text).replaceAll("\\s+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
  }

  private static final class Rows {
    final List<LabelledExample> examples = new ArrayList<>();
    final List<SkippedRow> firstSkipped = new ArrayList<>();
    long skipped;

    void add(long line, String text, String label, Optional<String> language) {
      if (text.isBlank()) {
        skip(line, "empty text");
      } else if (label.isBlank()) {
        skip(line, "empty label");
      } else {
        examples.add(new LabelledExample(text, label.strip(), language));
      }
    }

    void skip(long line, String reason) {
      skipped++;
      if (firstSkipped.size() < LabelledData.SKIPPED_KEPT) {
        firstSkipped.add(new SkippedRow(line, reason));
      }
    }
  }
}
