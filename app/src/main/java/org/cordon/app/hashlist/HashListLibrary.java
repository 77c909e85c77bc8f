package org.cordon.app.hashlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cordon.core.signal.Tier;
import org.cordon.detect.media.HashList;
import org.cordon.detect.media.HashListEntry;
import org.cordon.detect.media.HashListFormats;
import org.cordon.detect.media.HashType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash lists of a data directory: named, versioned, each with an owner and labels. The current
 * version of list N is {@code hashlists/N.csv} (what the known-media detector loads), its description
 * {@code hashlists/N.meta.json}; each import makes a new version and keeps the previous one under
 * {@code hashlists/versions/N/vK.csv}. Files are replaced atomically, so a detector never reads a
 * half-written list.
 */
public final class HashListLibrary {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path directory;

  public HashListLibrary(Path directory) {
    this.directory = directory;
  }

  /** One list as described by its metadata. */
  public record Description(String name, int version, String owner, List<String> labels, String importedFrom, String sourceFormat,
      Instant importedAt, Map<String, Long> entriesByType, int duplicatesSkipped) {}

  /** Imports {@code file} in {@code format} as the next version of list {@code name}. */
  public Description importList(String name, String owner, List<String> labels, HashListFormats.Format format, Path file, Tier defaultTier)
      throws IOException {
    checkName(name);
    HashListFormats.Imported imported = HashListFormats.read(format, name, file, defaultTier);
    Files.createDirectories(directory);
    int version = describe(name).map(d -> d.version() + 1).orElse(1);
    Path current = directory.resolve(name + ".csv");
    if (Files.exists(current)) {
      Path archive = directory.resolve("versions").resolve(name);
      Files.createDirectories(archive);
      Files.copy(current, archive.resolve("v" + (version - 1) + ".csv"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path temporary = directory.resolve("." + name + ".csv.tmp");
    HashListFormats.write(HashListFormats.Format.CORDON_CSV, imported.entries(), temporary);
    Files.move(temporary, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Map<String, Long> byType = new LinkedHashMap<>();
    for (HashType t : HashType.values()) {
      byType.put(t.key(), imported.entries().stream().filter(e -> e.type() == t).count());
    }
    Description d = new Description(name, version, owner, List.copyOf(labels), file.toAbsolutePath().toString(), format.key(), Instant.now(), byType,
        imported.duplicatesSkipped());
    writeDescription(d);
    return d;
  }

  public void exportList(String name, HashListFormats.Format format, Path out) throws IOException {
    checkName(name);
    Path current = directory.resolve(name + ".csv");
    if (!Files.isRegularFile(current)) {
      throw new IllegalArgumentException("no hash list '" + name + "'; known: " + list().stream().map(Description::name).toList());
    }
    List<HashListEntry> entries = HashList.load(name, current).entries();
    HashListFormats.write(format, entries, out);
  }

  /** Every list, with its description (lists dropped in by hand count as version 1 of an unknown owner). */
  public List<Description> list() throws IOException {
    List<Description> all = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return all;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
        String name = f.getFileName().toString().replaceFirst("\\.csv$", "");
        Optional<Description> d = describe(name);
        if (d.isPresent()) {
          all.add(d.get());
        } else {
          HashList loaded = HashList.load(name, f);
          Map<String, Long> byType = new LinkedHashMap<>();
          for (HashType t : HashType.values()) {
            byType.put(t.key(), loaded.entries().stream().filter(e -> e.type() == t).count());
          }
          all.add(new Description(name, 1, "(unknown)", List.of(), f.toString(), "cordon-csv", Files.getLastModifiedTime(f).toInstant(), byType,
              loaded.duplicatesSkipped()));
        }
      }
    }
    return all;
  }

  private Optional<Description> describe(String name) throws IOException {
    Path meta = directory.resolve(name + ".meta.json");
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    JsonNode n = JSON.readTree(Files.readString(meta));
    List<String> labels = new ArrayList<>();
    n.path("labels").forEach(l -> labels.add(l.asString()));
    Map<String, Long> byType = new LinkedHashMap<>();
    n.path("entries").properties().forEach(e -> byType.put(e.getKey(), e.getValue().asLong()));
    return Optional.of(new Description(name, n.get("version").asInt(), n.path("owner").asString(""), labels, n.path("imported_from").asString(""),
        n.path("source_format").asString(""), Instant.parse(n.get("imported_at").asString()), byType, n.path("duplicates_skipped").asInt(0)));
  }

  private void writeDescription(Description d) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", d.name());
    n.put("version", d.version());
    n.put("owner", d.owner());
    n.putArray("labels").addAll(d.labels().stream().map(JSON.getNodeFactory()::textNode).toList());
    n.put("imported_from", d.importedFrom());
    n.put("source_format", d.sourceFormat());
    n.put("imported_at", d.importedAt().toString());
    ObjectNode entries = n.putObject("entries");
    d.entriesByType().forEach(entries::put);
    n.put("duplicates_skipped", d.duplicatesSkipped());
    Path temporary = directory.resolve("." + d.name() + ".meta.json.tmp");
    Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    Files.move(temporary, directory.resolve(d.name() + ".meta.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a hash list name is lowercase letters, digits, '.', '_' or '-': '" + name + "'");
    }
  }
}
