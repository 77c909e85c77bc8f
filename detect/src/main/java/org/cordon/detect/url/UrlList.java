package org.cordon.detect.url;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Tier;
import org.cordon.detect.csv.CsvFile;

/**
 * A named list of known URLs. File format: CSV with the header {@code url,label,tier}. A {@code url}
 * is either a URL (matched in canonical form, so any spelling of the same page matches) or
 * {@code host:DOMAIN}, which matches every page on that host and its subdomains (a file host used
 * only for propaganda, say). Any bad row makes the whole load fail, listing every bad row with its
 * line: a half-loaded list would silently miss content. Rows that canonicalise to an entry already
 * read are skipped and counted.
 */
public record UrlList(String name, List<Entry> entries, int duplicatesSkipped) {
  static final List<String> HEADER = List.of("url", "label", "tier");

  public UrlList {
    Objects.requireNonNull(name, "name");
    entries = List.copyOf(entries);
  }

  /** One entry: a page (canonical URL) or a whole host. */
  public record Entry(String url, boolean wholeHost, String label, Tier tier, int line) {}

  public static UrlList load(String name, Path file, UrlCanonicalizer canonicalizer) throws IOException {
    List<CsvFile.Row> rows = CsvFile.read(file);
    if (rows.isEmpty() || !(rows.getFirst() instanceof CsvFile.Fields header) || !header.values().equals(HEADER)) {
      throw new UrlListException(name, List.of("line 1: the header must be " + String.join(",", HEADER)));
    }
    List<String> problems = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int duplicates = 0;
    for (CsvFile.Row row : rows.subList(1, rows.size())) {
      switch (row) {
        case CsvFile.Malformed m -> problems.add(m.problem());
        case CsvFile.Fields f -> {
          List<String> v = f.values();
          if (v.size() != 3) {
            problems.add("line " + f.line() + ": expected 3 fields (url,label,tier), found " + v.size());
            continue;
          }
          Tier tier;
          try {
            tier = Tier.parse(v.get(2));
          } catch (IllegalArgumentException e) {
            problems.add("line " + f.line() + ": " + e.getMessage());
            continue;
          }
          if (v.get(1).isBlank()) {
            problems.add("line " + f.line() + ": the label is empty");
            continue;
          }
          Optional<Entry> entry = entry(v.get(0).strip(), v.get(1).strip(), tier, f.line(), canonicalizer, problems);
          if (entry.isPresent()) {
            String key = (entry.get().wholeHost() ? "host:" : "") + entry.get().url();
            if (seen.putIfAbsent(key, f.line()) == null) {
              entries.add(entry.get());
            } else {
              duplicates++;
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UrlListException(name, problems);
    }
    return new UrlList(name, entries, duplicates);
  }

  private static Optional<Entry> entry(String url, String label, Tier tier, int line, UrlCanonicalizer canonicalizer, List<String> problems) {
    if (url.toLowerCase(Locale.ROOT).startsWith("host:")) {
      String host = url.substring(5).strip();
      switch (canonicalizer.canonicalize("https://" + host + "/")) {
        case UrlCanonicalizer.Result.Canonical c -> {
          return Optional.of(new Entry(c.url().host(), true, label, tier, line));
        }
        case UrlCanonicalizer.Result.Rejected r -> {
          problems.add("line " + line + ": host '" + host + "': " + r.reason());
          return Optional.empty();
        }
      }
    }
    switch (canonicalizer.canonicalize(url)) {
      case UrlCanonicalizer.Result.Canonical c -> {
        return Optional.of(new Entry(c.url().value(), false, label, tier, line));
      }
      case UrlCanonicalizer.Result.Rejected r -> {
        problems.add("line " + line + ": URL '" + abbreviate(url) + "': " + r.reason());
        return Optional.empty();
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
