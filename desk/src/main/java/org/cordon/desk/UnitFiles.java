package org.cordon.desk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Tier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files national units send: watch-list selectors and referrals, as CSV (with a header row) or as
 * a JSON array of objects. Each row is added on its own; a bad row is reported with its number and
 * the reason, and the others go on.
 *
 * <pre>
 * selectors: kind, value, under_investigation (true/false, default false), note
 * referrals: platform, subject_kind (post/account), subject_id, urls (separated by spaces or ';'; a JSON array too),
 *            request_type (referral/removal_order, default referral), category, tier (optional), note
 * </pre>
 */
public final class UnitFiles {
  /** Larger files are refused whole: split them. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  public static final int MAX_ROWS = 100_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Intelligence intelligence;
  private final Decisions decisions;

  UnitFiles(Intelligence intelligence, Decisions decisions) {
    this.intelligence = intelligence;
    this.decisions = decisions;
  }

  public enum Format {
    CSV,
    JSON
  }

  /** @param row the CSV line (1 is the header) or the JSON array element (from 1); 0 for the file as a whole */
  public record RowError(long row, String reason) {
    public RowError {
      Objects.requireNonNull(reason, "reason");
    }
  }

  public record ImportReport(int accepted, List<RowError> errors) {
    public ImportReport {
      errors = List.copyOf(errors);
    }
  }

  public ImportReport importSelectors(DeskUser liaison, byte[] file, Format format) {
    return importRows(file, format, List.of("kind", "value"), row -> {
      intelligence.addSelector(liaison, new SelectorDraft(SelectorKind.parse(row.required("kind")), row.required("value"),
          row.optional("under_investigation").map(UnitFiles::bool).orElse(false), row.optional("note").orElse("")));
    });
  }

  public ImportReport importReferrals(DeskUser liaison, byte[] file, Format format) {
    return importRows(file, format, List.of("platform", "subject_kind", "subject_id", "category", "note"), row -> {
      Platform platform = new Platform(row.required("platform").strip());
      String kind = row.required("subject_kind").strip().toUpperCase(Locale.ROOT);
      if (!kind.equals("POST") && !kind.equals("ACCOUNT")) {
        throw new IllegalArgumentException("subject_kind is post or account, not '" + row.required("subject_kind") + "'");
      }
      Subject subject = Subject.of(Subject.SubjectKind.valueOf(kind), platform, row.required("subject_id").strip());
      List<String> urls = row.optional("urls").map(u -> List.of(u.strip().split("[\\s;]+"))).orElse(List.of()).stream()
          .filter(u -> !u.isBlank()).toList();
      RequestType type = row.optional("request_type").filter(t -> !t.isBlank()).map(RequestType::parse).orElse(RequestType.REFERRAL);
      Optional<Tier> tier = row.optional("tier").filter(t -> !t.isBlank()).map(Tier::parse);
      decisions.submitUnitReferral(liaison, new UnitReferral(subject, urls, type, Category.parse(row.required("category")), tier,
          row.required("note")));
    });
  }

  private interface RowAction {
    void apply(Row row);
  }

  private record Row(long number, Map<String, String> fields) {
    String required(String name) {
      String v = fields.get(name);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("missing " + name);
      }
      return v;
    }

    Optional<String> optional(String name) {
      return Optional.ofNullable(fields.get(name));
    }
  }

  private static ImportReport importRows(byte[] file, Format format, List<String> requiredColumns, RowAction action) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    if (file.length > MAX_BYTES) {
      return new ImportReport(0, List.of(new RowError(0, "file larger than " + MAX_BYTES + " bytes: split it")));
    }
    List<RowError> errors = new ArrayList<>();
    List<Row> rows = switch (format) {
      case CSV -> csvRows(file, requiredColumns, errors);
      case JSON -> jsonRows(file, errors);
    };
    if (rows.size() > MAX_ROWS) {
      return new ImportReport(0, List.of(new RowError(0, "more than " + MAX_ROWS + " rows: split the file")));
    }
    int accepted = 0;
    for (Row row : rows) {
      try {
        action.apply(row);
        accepted++;
      } catch (DeskRefusal | IllegalArgumentException e) {
        errors.add(new RowError(row.number(), e.getMessage()));
      }
    }
    errors.sort((a, b) -> Long.compare(a.row(), b.row()));
    return new ImportReport(accepted, errors);
  }

  private static List<Row> jsonRows(byte[] file, List<RowError> errors) {
    JsonNode root;
    try {
      root = JSON.readTree(file);
    } catch (JacksonException e) {
      errors.add(new RowError(0, "malformed JSON: " + e.getOriginalMessage()));
      return List.of();
    }
    if (root == null || !root.isArray()) {
      errors.add(new RowError(0, "expected a JSON array of objects"));
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    int index = 0;
    for (JsonNode element : root) {
      index++;
      if (!element.isObject()) {
        errors.add(new RowError(index, "not a JSON object"));
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      for (var property : element.properties()) {
        JsonNode v = property.getValue();
        String text;
        if (v.isArray()) {
          List<String> parts = new ArrayList<>();
          v.forEach(p -> parts.add(p.asString()));
          text = String.join(" ", parts);
        } else if (v.isNull()) {
          continue;
        } else {
          text = v.asString();
        }
        fields.put(property.getKey().toLowerCase(Locale.ROOT), text);
      }
      rows.add(new Row(index, fields));
    }
    return rows;
  }

  private static List<Row> csvRows(byte[] file, List<String> requiredColumns, List<RowError> errors) {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    int start = 0;
    long line = 0;
    if (file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF) {
      start = 3; // byte order mark
    }
    while (start < file.length) {
      int end = start;
      while (end < file.length && file[end] != '\n') {
        end++;
      }
      line++;
      int stop = end > start && file[end - 1] == '\r' ? end - 1 : end;
      Optional<String> text = utf8(file, start, stop);
      start = end + 1;
      if (text.isEmpty()) {
        errors.add(new RowError(line, "not valid UTF-8"));
        continue;
      }
      if (text.get().isBlank()) {
        continue;
      }
      List<String> cells;
      try {
        cells = cells(text.get());
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(line, e.getMessage()));
        continue;
      }
      if (header == null) {
        List<String> names = cells.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        header = names;
        List<String> missing = requiredColumns.stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
          errors.add(new RowError(line, "the header lacks column(s) " + missing + "; it has " + header));
          return List.of();
        }
        continue;
      }
      if (cells.size() > header.size()) {
        errors.add(new RowError(line, cells.size() + " cells but the header has " + header.size() + " columns"));
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        fields.put(header.get(i), cells.get(i));
      }
      rows.add(new Row(line, fields));
    }
    if (header == null) {
      errors.add(new RowError(0, "empty file: expected a header row"));
    }
    return rows;
  }

  private static Optional<String> utf8(byte[] bytes, int from, int to) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** One CSV line: cells separated by commas, optionally in double quotes with "" for a quote. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (ch == '"' && cell.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted cell (a cell cannot span lines)");
    }
    cells.add(cell.toString());
    return cells;
  }

  private static boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "y" -> true;
      case "false", "no", "0", "n", "" -> false;
      default -> throw new IllegalArgumentException("under_investigation is true or false, not '" + text + "'");
    };
  }
}
