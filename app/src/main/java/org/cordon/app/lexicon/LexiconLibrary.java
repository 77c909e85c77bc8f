package org.cordon.app.lexicon;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cordon.text.lexicon.Lexicon;
import org.cordon.text.lexicon.LexiconChange;
import org.cordon.text.lexicon.LexiconFormat;

/**
 * The unit's lexicons as versioned files of the data directory: {@code lexicons/NAME.json} is the
 * version in use (the detector re-reads it when it changes), and every version ever made is kept as
 * {@code lexicons/history/NAME/vN.json}, so a signal's {@code lexicon_version} can always be traced
 * to the entries that raised it. A new version is written to a temporary file and moved into place,
 * so a reader never sees half a lexicon. One writer at a time (the methods are synchronized; the
 * CLI and a server on the same directory are not expected to edit the same lexicon at once).
 */
public final class LexiconLibrary {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final Path directory;

  public LexiconLibrary(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  public Path directory() {
    return directory;
  }

  /** One lexicon as listed: its current version. */
  public record Description(String name, long version, int entries, String digest) {
    static Description of(Lexicon l) {
      return new Description(l.name(), l.version(), l.size(), l.digest().hex());
    }
  }

  /** Checks a lexicon name: lower-case letters, digits, '-' and '_', so it is safe as a file name. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a lexicon name is 1-64 characters of a-z, 0-9, '-' and '_', starting with a letter or digit: " + name);
    }
    return name;
  }

  /** The version in use of lexicon {@code name}, if there is one. */
  public synchronized Optional<Lexicon> current(String name) throws IOException {
    Path file = currentFile(checkName(name));
    return Files.isRegularFile(file) ? Optional.of(LexiconFormat.read(file)) : Optional.empty();
  }

  /** A past (or the current) version. */
  public synchronized Optional<Lexicon> version(String name, long version) throws IOException {
    Path file = historyFile(checkName(name), version);
    return Files.isRegularFile(file) ? Optional.of(LexiconFormat.read(file)) : Optional.empty();
  }

  /** Every version kept of {@code name}, oldest first. */
  public synchronized List<Long> versions(String name) throws IOException {
    Path dir = directory.resolve("history").resolve(checkName(name));
    List<Long> versions = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(p -> p.getFileName().toString()).filter(f -> f.matches("v\\d+\\.json"))
            .map(f -> Long.parseLong(f.substring(1, f.length() - 5))).sorted().forEach(versions::add);
      }
    }
    return versions;
  }

  /** Every lexicon, by name. */
  public synchronized List<Description> list() throws IOException {
    List<Description> all = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return all;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        all.add(Description.of(LexiconFormat.read(f)));
      }
    }
    return all;
  }

  /**
   * Replaces the entries of {@code name} by those of {@code imported} as its next version (the
   * first version when the lexicon is new). Importing the same entries again makes no new version.
   */
  public synchronized Lexicon importEntries(String name, Lexicon imported) throws IOException {
    checkName(name);
    Optional<Lexicon> current = current(name);
    if (current.isPresent() && current.get().digest().equals(imported.digest())) {
      return current.get();
    }
    long version = current.map(l -> l.version() + 1).orElse(1L);
    return write(imported.as(name, version));
  }

  /** Applies edits to the current version (all or nothing), giving the next version. */
  public synchronized Lexicon edit(String name, List<LexiconChange> changes) throws IOException {
    Optional<Lexicon> current = current(checkName(name));
    return write(current.isPresent() ? current.get().apply(changes) : Lexicon.empty(name).apply(changes).as(name, 1));
  }

  private Lexicon write(Lexicon lexicon) throws IOException {
    byte[] json = LexiconFormat.writeJson(lexicon);
    Path history = historyFile(lexicon.name(), lexicon.version());
    Files.createDirectories(history.getParent());
    atomicWrite(history, json);
    atomicWrite(currentFile(lexicon.name()), json);
    return lexicon;
  }

  private static void atomicWrite(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The file the detector watches for lexicon {@code name}. */
  public Path currentFile(String name) throws IOException {
    Files.createDirectories(directory);
    return directory.resolve(name + ".json");
  }

  private Path historyFile(String name, long version) {
    return directory.resolve("history").resolve(name).resolve("v" + version + ".json");
  }
}
