package org.cordon.detect.media;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.signal.Tier;
import org.cordon.detect.csv.CsvFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash-list formats Cordon reads and writes, so a unit can take lists from the industry and
 * give its own back:
 *
 * <ul>
 *   <li>{@code cordon-csv}: {@code hash_type,hash,label,tier}, Cordon's own (see {@link HashList});
 *   <li>{@code gifct-csv}: {@code hash_type,hash,labels}, as hash-sharing databases export them; labels
 *       are {@code key:value} pairs separated by ';' ({@code group:…;tier:…;content:…}); hash types
 *       other than pdq, md5 and sha256 (video hashes) are refused by name;
 *   <li>{@code tcap-json}: an array (or JSON lines) of records with any of {@code md5}, {@code sha256},
 *       {@code pdq}, and {@code group}, optionally {@code tier} and {@code id}, as terrorist-content
 *       archives serve them; one record gives an entry per hash it carries;
 *   <li>{@code pdq-label}: {@code pdq_hex,label} lines, as PDQ tools write them (an optional header).
 * </ul>
 *
 * Reading is all or nothing: every bad row or record is reported with its line or index, and a
 * hash repeated (same type and value) is kept once and counted. Labels lacking a tier get the
 * importer's default tier.
 */
public final class HashListFormats {
  // Records are read one at a time from a stream, so what follows a record is the next one, not an error.
  private static final JsonMapper JSON = JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private HashListFormats() {}

  /** The formats, by their persisted names. */
  public enum Format {
    CORDON_CSV("cordon-csv"),
    GIFCT_CSV("gifct-csv"),
    TCAP_JSON("tcap-json"),
    PDQ_LABEL("pdq-label");

    private final String key;

    Format(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Format parse(String text) {
      for (Format f : values()) {
        if (f.key.equals(text.trim().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown hash list format '" + text + "'; known: cordon-csv, gifct-csv, tcap-json, pdq-label");
    }
  }

  /** What a file held: its entries, in file order, and how many repeats were skipped. */
  public record Imported(List<HashListEntry> entries, int duplicatesSkipped) {
    public Imported {
      entries = List.copyOf(entries);
    }
  }

  public static Imported read(Format format, String listName, Path file, Tier defaultTier) throws IOException {
    Collector collector = new Collector(listName);
    switch (format) {
      case CORDON_CSV -> {
        HashList list = HashList.load(listName, file);
        return new Imported(list.entries(), list.duplicatesSkipped());
      }
      case GIFCT_CSV -> readGifct(file, defaultTier, collector);
      case TCAP_JSON -> readTcap(file, defaultTier, collector);
      case PDQ_LABEL -> readPdqLabel(file, defaultTier, collector);
    }
    return collector.result();
  }

  public static void write(Format format, List<HashListEntry> entries, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      switch (format) {
        case CORDON_CSV -> {
          w.write("hash_type,hash,label,tier\n");
          for (HashListEntry e : entries) {
            w.write(e.type().key() + "," + e.hash() + "," + csv(e.label()) + "," + e.tier().key() + "\n");
          }
        }
        case GIFCT_CSV -> {
          w.write("hash_type,hash,labels\n");
          for (HashListEntry e : entries) {
            String labels = e.label().contains("tier:") ? e.label() : e.label() + ";tier:" + e.tier().key();
            w.write(e.type().key() + "," + e.hash() + "," + csv(labels) + "\n");
          }
        }
        case TCAP_JSON -> {
          w.write("[\n");
          for (int i = 0; i < entries.size(); i++) {
            HashListEntry e = entries.get(i);
            w.write(JSON.writeValueAsString(java.util.Map.of(e.type().key(), e.hash(), "group", e.label(), "tier", e.tier().key())));
            w.write(i + 1 < entries.size() ? ",\n" : "\n");
          }
          w.write("]\n");
        }
        case PDQ_LABEL -> {
          for (HashListEntry e : entries) {
            if (e.type() == HashType.PDQ) {
              w.write(e.hash() + "," + csv(e.label()) + "\n");
            }
          }
        }
      }
    }
  }

  private static void readGifct(Path file, Tier defaultTier, Collector c) throws IOException {
    List<CsvFile.Row> rows = CsvFile.read(file);
    if (rows.isEmpty() || !(rows.getFirst() instanceof CsvFile.Fields header)
        || !header.values().stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList().equals(List.of("hash_type", "hash", "labels"))) {
      throw new HashListException(c.list, List.of("line 1: the header must be hash_type,hash,labels"));
    }
    for (CsvFile.Row row : rows.subList(1, rows.size())) {
      switch (row) {
        case CsvFile.Malformed m -> c.problem(m.problem());
        case CsvFile.Fields f -> {
          if (f.values().size() != 3) {
            c.problem("line " + f.line() + ": expected 3 fields (hash_type,hash,labels), found " + f.values().size());
          } else {
            String labels = f.values().get(2).strip();
            c.entry("line " + f.line(), f.values().get(0), f.values().get(1), labels.isEmpty() ? "(no labels)" : labels,
                tierFromLabels(labels).orElse(Optional.of(defaultTier)), f.line());
          }
        }
      }
    }
  }

  private static void readPdqLabel(Path file, Tier defaultTier, Collector c) throws IOException {
    List<CsvFile.Row> rows = CsvFile.read(file);
    for (CsvFile.Row row : rows) {
      switch (row) {
        case CsvFile.Malformed m -> c.problem(m.problem());
        case CsvFile.Fields f -> {
          if (f.line() == 1 && f.values().getFirst().trim().equalsIgnoreCase("pdq_hex")) {
            continue;
          }
          if (f.values().size() != 2) {
            c.problem("line " + f.line() + ": expected 2 fields (pdq_hex,label), found " + f.values().size());
          } else {
            c.entry("line " + f.line(), "pdq", f.values().get(0), f.values().get(1).strip(), Optional.of(defaultTier), f.line());
          }
        }
      }
    }
  }

  private static void readTcap(Path file, Tier defaultTier, Collector c) throws IOException {
    try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return;
      }
      boolean array = first == JsonToken.START_ARRAY;
      int index = 0;
      JsonToken token = array ? parser.nextToken() : first;
      while (token != null && token != JsonToken.END_ARRAY) {
        index++;
        String where = "record " + index + " (line " + parser.currentLocation().getLineNr() + ")";
        if (token != JsonToken.START_OBJECT) {
          c.problem(where + ": expected an object");
          parser.skipChildren();
        } else {
          record(JSON.readTree(parser), where, defaultTier, c, (int) parser.currentLocation().getLineNr());
        }
        token = parser.nextToken();
      }
    } catch (JacksonException e) {
      c.problem("malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
  }

  private static void record(JsonNode r, String where, Tier defaultTier, Collector c, int line) {
    String group = r.path("group").isString() ? r.get("group").asString().strip() : "";
    String id = r.path("id").isValueNode() ? r.get("id").asString() : "";
    String label = (group.isEmpty() ? "(no group)" : "group:" + group) + (id.isEmpty() ? "" : ";id:" + id);
    Optional<Tier> tier = Optional.of(defaultTier);
    if (r.has("tier")) {
      try {
        tier = Optional.of(Tier.parse(r.get("tier").asString()));
      } catch (IllegalArgumentException e) {
        tier = Optional.empty();
        c.problem(where + ": " + e.getMessage());
      }
    }
    int hashes = 0;
    for (HashType type : HashType.values()) {
      JsonNode value = r.get(type.key());
      if (value == null || value.isNull()) {
        continue;
      }
      hashes++;
      if (!value.isString()) {
        c.problem(where + ": " + type.key() + " is not a string");
      } else if (tier.isPresent()) {
        c.entry(where, type.key(), value.asString(), label, tier, line);
      }
    }
    if (hashes == 0) {
      c.problem(where + ": no md5, sha256 or pdq hash");
    }
  }

  /** The tier a label set names ({@code tier:…}); empty inside when it names an unknown one. */
  private static Optional<Optional<Tier>> tierFromLabels(String labels) {
    for (String part : labels.split(";")) {
      int colon = part.indexOf(':');
      if (colon > 0 && part.substring(0, colon).strip().equalsIgnoreCase("tier")) {
        try {
          return Optional.of(Optional.of(Tier.parse(part.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
          return Optional.of(Optional.empty());
        }
      }
    }
    return Optional.empty();
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  /** Gathers entries and problems; duplicates kept once. */
  private static final class Collector {
    final String list;
    final List<HashListEntry> entries = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    int duplicates;

    Collector(String list) {
      this.list = list;
    }

    void problem(String text) {
      problems.add(text);
    }

    void entry(String where, String typeText, String hashText, String label, Optional<Tier> tier, int line) {
      Optional<HashType> type = HashType.fromKey(typeText);
      if (type.isEmpty()) {
        problems.add(where + ": unsupported hash type '" + typeText.strip() + "'; Cordon matches sha256, md5 and pdq");
        return;
      }
      if (tier.isEmpty()) {
        problems.add(where + ": unknown tier in the labels '" + label + "'");
        return;
      }
      String hash = hashText.strip().toLowerCase(Locale.ROOT);
      if (hash.length() != type.get().hexLength()) {
        problems.add(where + ": a " + type.get().key() + " hash is " + type.get().hexLength() + " hex digits, this one has " + hash.length());
        return;
      }
      if (!hash.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        problems.add(where + ": the " + type.get().key() + " hash has a non-hex character");
        return;
      }
      if (label.isBlank()) {
        problems.add(where + ": the label is empty");
        return;
      }
      if (seen.add(type.get().key() + ":" + hash)) {
        entries.add(new HashListEntry(type.get(), hash, label, tier.get(), line));
      } else {
        duplicates++;
      }
    }

    Imported result() {
      if (!problems.isEmpty()) {
        throw new HashListException(list, problems);
      }
      return new Imported(entries, duplicates);
    }
  }
}
