package org.cordon.text.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV form of a lexicon. The header names the columns, in any order, from {@link
 * EntryFields#COLUMNS}; {@code term}, {@code language} and {@code weight} are required, so the
 * older four-column file ({@code term,language,weight,tier}, read by the detect module) loads
 * unchanged, its kind taken from the word count. Fields are separated by commas and may be quoted
 * with {@code "}, a doubled quote standing for one; a quoted field may span lines. Blank lines and
 * lines starting with {@code #} are skipped (quote a term that starts with "#"); a byte-order mark
 * is ignored.
 */
final class CsvLexicon {
  static final int MOST_ENTRIES = 500_000;
  private static final int MOST_PROBLEMS = 1_000;

  private CsvLexicon() {}

  record Row(int line, List<String> fields) {}

  static Lexicon read(String name, byte[] bytes) {
    String text = Utf8Text.decode(name, bytes);
    List<LexiconProblem> problems = new ArrayList<>();
    List<Row> rows = rows(text, problems);
    if (rows.isEmpty()) {
      problems.add(LexiconProblem.at(1, "there is no header; the first line must be "
          + String.join(",", EntryFields.COLUMNS)));
      throw new LexiconException(name, problems);
    }
    Row header = rows.getFirst();
    List<String> columns = header.fields().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    if (!headerIsUsable(columns, header.line(), problems)) {
      throw new LexiconException(name, problems);
    }
    if (rows.size() - 1 > MOST_ENTRIES) {
      problems.add(LexiconProblem.general("the file has " + (rows.size() - 1) + " rows; at most " + MOST_ENTRIES
          + " entries fit in one lexicon"));
      throw new LexiconException(name, problems);
    }
    List<LexiconEntry> entries = new ArrayList<>();
    Map<EntryKey, Integer> lineOfKey = new HashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (problems.size() >= MOST_PROBLEMS) {
        problems.add(LexiconProblem.general("stopped after " + MOST_PROBLEMS + " problems"));
        break;
      }
      if (row.fields().size() != columns.size()) {
        problems.add(LexiconProblem.at(row.line(), "expected " + columns.size() + " fields (" + String.join(",", columns)
            + "), found " + row.fields().size()));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        fields.put(columns.get(i), row.fields().get(i));
      }
      switch (EntryFields.parse(fields)) {
        case EntryFields.Refused refused -> problems.add(LexiconProblem.at(row.line(), refused.problem()));
        case EntryFields.Accepted accepted -> {
          Integer earlier = lineOfKey.putIfAbsent(accepted.entry().key(), row.line());
          if (earlier != null) {
            problems.add(LexiconProblem.at(row.line(), "repeats line " + earlier + ": both are "
                + accepted.entry().key() + "; keep one"));
          } else {
            entries.add(accepted.entry());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new LexiconException(name, problems);
    }
    return Lexicon.of(name, 1, entries);
  }

  private static boolean headerIsUsable(List<String> columns, int line, List<LexiconProblem> problems) {
    Set<String> seen = new HashSet<>();
    int before = problems.size();
    for (String column : columns) {
      if (!EntryFields.COLUMNS.contains(column)) {
        problems.add(LexiconProblem.at(line, "unknown column '" + column + "'; known: "
            + String.join(",", EntryFields.COLUMNS)));
      } else if (!seen.add(column)) {
        problems.add(LexiconProblem.at(line, "the column '" + column + "' appears twice"));
      }
    }
    for (String required : EntryFields.REQUIRED) {
      if (!seen.contains(required)) {
        problems.add(LexiconProblem.at(line, "the header lacks the column '" + required + "'; the header is "
            + String.join(",", EntryFields.COLUMNS) + " (or the older term,language,weight,tier)"));
      }
    }
    return problems.size() == before;
  }

  /** Splits the text into rows; a row with an unclosed quote becomes a problem and ends the reading. */
  static List<Row> rows(String text, List<LexiconProblem> problems) {
    List<Row> rows = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = 1;
    while (i < n) {
      int lineStart = i;
      int rowLine = line;
      // skip blank and comment lines
      int firstVisible = i;
      while (firstVisible < n && (text.charAt(firstVisible) == ' ' || text.charAt(firstVisible) == '\t')) {
        firstVisible++;
      }
      if (firstVisible >= n || text.charAt(firstVisible) == '\n' || text.charAt(firstVisible) == '\r'
          || text.charAt(firstVisible) == '#') {
        int end = text.indexOf('\n', lineStart);
        i = end < 0 ? n : end + 1;
        line++;
        continue;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      boolean rowDone = false;
      boolean broken = false;
      while (i < n && !rowDone && !broken) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            quoted = false;
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
          }
          i++;
          continue;
        }
        switch (c) {
          case ',' -> {
            fields.add(wasQuoted ? field.toString() : field.toString().strip());
            field.setLength(0);
            wasQuoted = false;
          }
          case '\n' -> {
            rowDone = true;
            line++;
          }
          case '\r' -> { }
          case '"' -> {
            if (!wasQuoted && field.toString().isBlank()) {
              field.setLength(0);
              quoted = true;
              wasQuoted = true;
            } else {
              problems.add(LexiconProblem.at(line, "a quote inside an unquoted field; quote the whole field and"
                  + " double the quote"));
              i = skipToLineEnd(text, i);
              line++;
              broken = true;
              break;
            }
          }
          default -> {
            if (wasQuoted && !Character.isWhitespace(c)) {
              problems.add(LexiconProblem.at(line, "text after a closing quote; quote the whole field"));
              i = skipToLineEnd(text, i);
              line++;
              broken = true;
              break;
            }
            if (!wasQuoted) {
              field.append(c);
            }
          }
        }
        if (!broken) {
          i++;
        }
      }
      if (broken) {
        continue;
      }
      if (quoted) {
        problems.add(LexiconProblem.at(rowLine, "a quoted field opened here is never closed"));
        return rows;
      }
      fields.add(wasQuoted ? field.toString() : field.toString().strip());
      rows.add(new Row(rowLine, fields));
    }
    return rows;
  }

  private static int skipToLineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end + 1;
  }

  /** The canonical CSV: the full header, then one row per entry in the order given, lines ending in LF. */
  static String write(List<LexiconEntry> entries) {
    StringBuilder out = new StringBuilder(64 + entries.size() * 64);
    out.append(String.join(",", EntryFields.COLUMNS)).append('\n');
    for (LexiconEntry entry : entries) {
      List<String> values = EntryFields.values(entry);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendField(out, values.get(i));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void appendField(StringBuilder out, String value) {
    boolean quote = value.startsWith("#") || !value.equals(value.strip())
        || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
