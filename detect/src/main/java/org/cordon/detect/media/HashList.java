package org.cordon.detect.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.signal.Tier;
import org.cordon.detect.csv.CsvFile;

/**
 * A named list of known media hashes. File format: CSV (see {@link CsvFile}) with the header
 * {@code hash_type,hash,label,tier}; {@code hash_type} is sha256, md5 or pdq; the hash is hex of
 * that type's length (upper case accepted, stored lower case); {@code tier} is a {@link Tier} key
 * such as {@code official_propaganda}. A row repeating the type and hash of an earlier row is
 * skipped and counted. Any other bad row makes the whole load fail, listing every bad row with
 * its line number: a half-loaded list would silently miss content.
 *
 * @param duplicatesSkipped rows skipped because an earlier row had the same type and hash
 */
public record HashList(String name, List<HashListEntry> entries, int duplicatesSkipped) {
  static final List<String> HEADER = List.of("hash_type", "hash", "label", "tier");

  public HashList {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a hash list needs a name");
    }
    entries = List.copyOf(entries);
  }

  /** @throws HashListException listing every bad row; IOException when the file cannot be read */
  public static HashList load(String name, Path file) throws IOException {
    List<CsvFile.Row> rows = CsvFile.read(file);
    List<String> problems = new ArrayList<>();
    List<HashListEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    if (rows.isEmpty() || !(rows.getFirst() instanceof CsvFile.Fields header) || !header.values().equals(HEADER)) {
      throw new HashListException(name, List.of("line 1: the header must be " + String.join(",", HEADER)));
    }
    for (CsvFile.Row row : rows.subList(1, rows.size())) {
      switch (row) {
        case CsvFile.Malformed malformed -> problems.add(malformed.problem());
        case CsvFile.Fields fields -> {
          switch (parse(fields)) {
            case Parsed.Problem problem -> problems.add(problem.text());
            case Parsed.Entry entry -> {
              if (seen.add(entry.entry().type().key() + ":" + entry.entry().hash())) {
                entries.add(entry.entry());
              } else {
                duplicates++;
              }
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new HashListException(name, problems);
    }
    return new HashList(name, entries, duplicates);
  }

  private sealed interface Parsed {
    record Entry(HashListEntry entry) implements Parsed {}

    record Problem(String text) implements Parsed {}
  }

  private static Parsed parse(CsvFile.Fields fields) {
    int line = fields.line();
    List<String> values = fields.values();
    if (values.size() != HEADER.size()) {
      return new Parsed.Problem("line " + line + ": expected 4 fields (hash_type,hash,label,tier), found " + values.size());
    }
    Optional<HashType> type = HashType.fromKey(values.get(0));
    if (type.isEmpty()) {
      return new Parsed.Problem("line " + line + ": unknown hash type '" + values.get(0) + "'; known: sha256, md5, pdq");
    }
    String hash = values.get(1).toLowerCase(Locale.ROOT);
    if (hash.length() != type.get().hexLength()) {
      return new Parsed.Problem("line " + line + ": a " + type.get().key() + " hash is " + type.get().hexLength()
          + " hex digits, this one has " + hash.length());
    }
    for (int i = 0; i < hash.length(); i++) {
      char c = hash.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return new Parsed.Problem("line " + line + ": the hash has a non-hex character '" + c + "' at position " + (i + 1));
      }
    }
    String label = values.get(2);
    if (label.isBlank()) {
      return new Parsed.Problem("line " + line + ": the label is empty; name the entry so an analyst can read it");
    }
    Tier tier;
    try {
      tier = Tier.parse(values.get(3));
    } catch (IllegalArgumentException e) {
      return new Parsed.Problem("line " + line + ": " + e.getMessage());
    }
    return new Parsed.Entry(new HashListEntry(type.get(), hash, label, tier, line));
  }
}
