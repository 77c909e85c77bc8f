package org.cordon.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cordon.app.lexicon.LexiconLibrary;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.signal.Tier;
import org.cordon.text.lexicon.EntryKey;
import org.cordon.text.lexicon.EntryKind;
import org.cordon.text.lexicon.EntryProvenance;
import org.cordon.text.lexicon.Lexicon;
import org.cordon.text.lexicon.LexiconChange;
import org.cordon.text.lexicon.LexiconEntry;
import org.cordon.text.lexicon.LexiconFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lexicons over HTTP: list, read (any version, CSV or JSON), replace by an import, and add or
 * remove single entries. Every change makes a new version and records who made it (the entry's
 * provenance is the signed-in user and the time); the lexicon detector picks the new version up
 * within a second. Reading is for every role; changing is for supervisors and administrators.
 */
@RestController
@RequestMapping("/api/v1/lexicons")
class LexiconController {
  private final LexiconLibrary library;

  LexiconController(CordonRuntime runtime) {
    this.library = new LexiconLibrary(runtime.settings().lexiconDirectory());
  }

  record LexiconView(String name, long version, int entries, String sha256, List<Long> versions) {}

  record LexiconDetail(String name, long version, String sha256, List<EntryView> entries) {}

  record EntryView(String kind, String term, String language, double weight, String tier, String source, String addedBy, String addedAt,
      String note) {
    static EntryView of(LexiconEntry e) {
      return new EntryView(e.kind().key(), e.term(), e.language(), e.weight(), e.tier().map(Tier::key).orElse(null),
          e.provenance().source().orElse(null), e.provenance().addedBy().orElse(null),
          e.provenance().addedAt().map(Instant::toString).orElse(null), e.note().orElse(null));
    }
  }

  /** An entry to add: kind term|phrase|pattern (default: term or phrase by word count). */
  record NewEntry(String kind, String term, String language, Double weight, String tier, String source, String note) {}

  @GetMapping
  List<LexiconView> list() throws IOException {
    List<LexiconView> views = new ArrayList<>();
    for (LexiconLibrary.Description d : library.list()) {
      views.add(new LexiconView(d.name(), d.version(), d.entries(), d.digest(), library.versions(d.name())));
    }
    return views;
  }

  @GetMapping("/{name}")
  ResponseEntity<?> read(@PathVariable String name, @RequestParam Optional<Long> version, @RequestParam(defaultValue = "view") String format)
      throws IOException {
    Lexicon lexicon = (version.isPresent() ? library.version(name, version.get()) : library.current(name))
        .orElseThrow(() -> new NoSuchElementException("no lexicon '" + name + "'" + version.map(v -> " version " + v).orElse("")));
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(LexiconFormat.writeCsv(lexicon));
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(LexiconFormat.writeJson(lexicon));
      case "view" -> ResponseEntity.ok(new LexiconDetail(lexicon.name(), lexicon.version(), lexicon.digest().hex(),
          lexicon.entries().stream().map(EntryView::of).toList()));
      default -> throw new IllegalArgumentException("format is view, csv or json, not " + format);
    };
  }

  /** Replaces the lexicon's entries by an imported file (CSV, or JSON with Content-Type application/json). */
  @PutMapping(value = "/{name}", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_JSON_VALUE})
  LexiconView importEntries(@PathVariable String name, @RequestHeader("Content-Type") String contentType, @RequestBody byte[] body)
      throws IOException {
    LexiconLibrary.checkName(name);
    Lexicon imported = contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)
        ? LexiconFormat.readJson(name, body)
        : LexiconFormat.readCsv(name, body);
    return view(library.importEntries(name, imported));
  }

  @PostMapping("/{name}/entries")
  LexiconView add(@PathVariable String name, @RequestBody NewEntry entry, Principal user) throws IOException {
    if (entry.term() == null || entry.term().isBlank()) {
      throw new IllegalArgumentException("an entry needs a term");
    }
    String language = entry.language() == null ? "*" : entry.language();
    double weight = entry.weight() == null ? 0.5 : entry.weight();
    LexiconEntry e = entry.kind() != null && EntryKind.parse(entry.kind()) == EntryKind.PATTERN
        ? LexiconEntry.pattern(entry.term(), language, weight)
        : LexiconEntry.literal(entry.term(), language, weight);
    if (entry.tier() != null) {
      e = e.withTier(Tier.parse(entry.tier()));
    }
    if (entry.note() != null) {
      e = e.withNote(entry.note());
    }
    e = e.withProvenance(EntryProvenance.of(entry.source() == null ? "api" : entry.source(), user.getName(), Instant.now()));
    return view(library.edit(name, List.of(new LexiconChange.Add(e))));
  }

  @DeleteMapping("/{name}/entries")
  LexiconView remove(@PathVariable String name, @RequestParam String term, @RequestParam(defaultValue = "*") String language,
      @RequestParam(defaultValue = "term") String kind) throws IOException {
    EntryKind k = EntryKind.parse(kind);
    LexiconChange change = new LexiconChange.Remove(EntryKey.of(k, term, language));
    return view(library.edit(name, List.of(change)));
  }

  private LexiconView view(Lexicon l) throws IOException {
    return new LexiconView(l.name(), l.version(), l.size(), l.digest().hex(), library.versions(l.name()));
  }
}
