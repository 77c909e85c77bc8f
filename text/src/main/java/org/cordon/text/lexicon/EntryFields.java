package org.cordon.text.lexicon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.signal.Tier;

/**
 * Turns the named text fields of one row (CSV) or object (JSON) into an entry, or a problem
 * that says which field is wrong. Shared by both formats so they accept exactly the same values.
 */
final class EntryFields {
  static final List<String> COLUMNS =
      List.of("kind", "term", "language", "weight", "tier", "source", "added_by", "added_at", "note");
  static final List<String> REQUIRED = List.of("term", "language", "weight");

  private EntryFields() {}

  sealed interface Result {}

  record Accepted(LexiconEntry entry) implements Result {}

  record Refused(String problem) implements Result {}

  /** {@code fields} maps column names to values; a missing or empty optional field means absent. */
  static Result parse(Map<String, String> fields) {
    String term = fields.getOrDefault("term", "");
    if (term.isBlank()) {
      return new Refused("the term is empty");
    }
    EntryKind kind;
    String kindText = fields.getOrDefault("kind", "");
    try {
      kind = kindText.isBlank() ? EntryKind.ofLiteral(term) : EntryKind.parse(kindText);
    } catch (IllegalArgumentException e) {
      return new Refused(e.getMessage());
    }
    String language = fields.getOrDefault("language", "").strip();
    if (language.isEmpty()) {
      return new Refused("the language is empty; write a tag such as en or ar, or * for any");
    }
    String weightText = fields.getOrDefault("weight", "").strip();
    double weight;
    try {
      weight = Double.parseDouble(weightText);
    } catch (NumberFormatException e) {
      return new Refused("the weight '" + weightText + "' is not a number; write a decimal in [0, 1] such as 0.4");
    }
    if (!(weight >= 0 && weight <= 1)) {
      return new Refused("the weight " + weightText + " is outside [0, 1]");
    }
    Optional<Tier> tier;
    try {
      tier = optional(fields, "tier").map(Tier::parse);
    } catch (IllegalArgumentException e) {
      return new Refused(e.getMessage());
    }
    Optional<Instant> addedAt;
    try {
      addedAt = optional(fields, "added_at").map(EntryFields::instant);
    } catch (DateTimeParseException e) {
      return new Refused("added_at '" + fields.get("added_at") + "' is not a time such as 2026-11-23T08:00:00Z or a date"
          + " such as 2026-11-23");
    }
    EntryProvenance provenance =
        new EntryProvenance(optional(fields, "source"), optional(fields, "added_by"), addedAt);
    try {
      return new Accepted(new LexiconEntry(kind, term, language, weight, tier, provenance, optional(fields, "note")));
    } catch (IllegalArgumentException e) {
      return new Refused(e.getMessage());
    }
  }

  private static Optional<String> optional(Map<String, String> fields, String name) {
    return Optional.ofNullable(fields.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Instant instant(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return Instant.parse(text);
  }

  /** The values of {@link #COLUMNS} for an entry, absent ones empty. */
  static List<String> values(LexiconEntry entry) {
    return List.of(
        entry.kind().key(),
        entry.term(),
        entry.language(),
        weight(entry.weight()),
        entry.tier().map(Tier::key).orElse(""),
        entry.provenance().source().orElse(""),
        entry.provenance().addedBy().orElse(""),
        entry.provenance().addedAt().map(Instant::toString).orElse(""),
        entry.note().orElse(""));
  }

  static String weight(double weight) {
    return java.math.BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
  }
}
