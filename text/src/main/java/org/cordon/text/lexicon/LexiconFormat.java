package org.cordon.text.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Lexicon files: CSV (see the header in {@link #CSV_HEADER}; the older {@code
 * term,language,weight,tier} file is read too) and JSON ({@code {"name", "version", "digest",
 * "entries": [...]}}). Readers refuse bad input (malformed CSV or JSON, bad UTF-8, bad weights,
 * unknown tiers or kinds, invalid or empty-matching patterns, duplicate entries, files over 64 MiB
 * or 500,000 entries) with a {@link LexiconException} listing every problem with its line.
 */
public final class LexiconFormat {
  public static final String CSV_HEADER = String.join(",", EntryFields.COLUMNS);

  private LexiconFormat() {}

  /** A CSV lexicon, version 1 (CSV does not carry a version). */
  public static Lexicon readCsv(String name, byte[] bytes) {
    return CsvLexicon.read(name, bytes);
  }

  public static Lexicon readCsv(String name, InputStream in) throws IOException {
    return CsvLexicon.read(name, Utf8Text.readBounded(name, in));
  }

  /** A JSON lexicon; {@code name} serves when the file names none. */
  public static Lexicon readJson(String name, byte[] bytes) {
    return JsonLexicon.read(name, bytes);
  }

  public static Lexicon readJson(String name, InputStream in) throws IOException {
    return JsonLexicon.read(name, Utf8Text.readBounded(name, in));
  }

  /** Reads a ".json" file as JSON and anything else as CSV; the name is the file name without extension. */
  public static Lexicon read(Path file) throws IOException {
    String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String name = dot > 0 ? fileName.substring(0, dot) : fileName;
    try (InputStream in = Files.newInputStream(file)) {
      return fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? readJson(name, in) : readCsv(name, in);
    }
  }

  /** The canonical CSV, whose SHA-256 is {@link Lexicon#digest()}. */
  public static byte[] writeCsv(Lexicon lexicon) {
    return CsvLexicon.write(lexicon.entries()).getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] writeJson(Lexicon lexicon) {
    return JsonLexicon.write(lexicon);
  }
}
