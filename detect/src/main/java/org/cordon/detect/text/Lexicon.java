package org.cordon.detect.text;

import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.cordon.core.signal.Tier;
import org.cordon.detect.csv.CsvFile;

/**
 * An immutable set of terms compiled into one Aho–Corasick automaton over normalised text (see
 * {@link TextNormaliser}). A term containing a Latin letter matches only as a whole word (no
 * letter or digit right before or after it); terms in other scripts match anywhere, since Arabic
 * attaches prefixes such as "و" and "ال" to the word.
 *
 * <p>File format: CSV (see {@link CsvFile}) with the header {@code term,language,weight,tier};
 * {@code language} a BCP 47 tag ("en", "ar", "und"), {@code weight} a decimal in [0, 1],
 * {@code tier} a {@link Tier} key. Two rows whose terms normalise to the same text are an error,
 * as is a term that normalises to nothing. Any bad row fails the load, every one listed by line.
 */
public final class Lexicon {
  static final List<String> HEADER = List.of("term", "language", "weight", "tier");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  private final String name;
  private final Map<String, Term> termsByNormalisedText;
  private final Trie automaton;

  private record Term(LexiconEntry entry, boolean wholeWordOnly) {}

  private Lexicon(String name, Map<String, Term> terms) {
    this.name = name;
    this.termsByNormalisedText = Map.copyOf(terms);
    this.automaton = Trie.builder().addKeywords(terms.keySet()).build();
  }

  /** Builds a lexicon from entries already checked, for tests and for lexicons kept elsewhere. */
  public static Lexicon of(String name, List<LexiconEntry> entries) {
    List<String> problems = new ArrayList<>();
    Map<String, Term> terms = compile(entries, problems);
    if (!problems.isEmpty()) {
      throw new LexiconException(name, problems);
    }
    return new Lexicon(name, terms);
  }

  /** @throws LexiconException listing every bad row; IOException when the file cannot be read */
  public static Lexicon load(Path file) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    List<CsvFile.Row> rows = CsvFile.read(file);
    if (rows.isEmpty() || !(rows.getFirst() instanceof CsvFile.Fields header) || !header.values().equals(HEADER)) {
      throw new LexiconException(name, List.of("line 1: the header must be " + String.join(",", HEADER)));
    }
    List<String> problems = new ArrayList<>();
    List<LexiconEntry> entries = new ArrayList<>();
    for (CsvFile.Row row : rows.subList(1, rows.size())) {
      switch (row) {
        case CsvFile.Malformed malformed -> problems.add(malformed.problem());
        case CsvFile.Fields fields -> parse(fields, problems).ifPresent(entries::add);
      }
    }
    Map<String, Term> terms = compile(entries, problems);
    if (!problems.isEmpty()) {
      throw new LexiconException(name, problems);
    }
    return new Lexicon(name, terms);
  }

  public String name() {
    return name;
  }

  public List<LexiconEntry> entries() {
    return termsByNormalisedText.values().stream()
        .map(Term::entry)
        .sorted(java.util.Comparator.comparingInt(LexiconEntry::line))
        .toList();
  }

  /** The distinct entries found in the text, in order of first occurrence. */
  public List<LexiconEntry> match(String text) {
    String normalised = TextNormaliser.normalise(Objects.requireNonNull(text, "text"));
    Collection<Emit> emits = automaton.parseText(normalised);
    Map<String, LexiconEntry> hits = new LinkedHashMap<>();
    for (Emit emit : emits) {
      Term term = termsByNormalisedText.get(emit.getKeyword());
      if (term.wholeWordOnly() && !isWholeWord(normalised, emit.getStart(), emit.getEnd() + 1)) {
        continue;
      }
      hits.putIfAbsent(emit.getKeyword(), term.entry());
    }
    return List.copyOf(hits.values());
  }

  private static boolean isWholeWord(String text, int start, int end) {
    boolean startsAtBoundary = start == 0 || !Character.isLetterOrDigit(text.codePointBefore(start));
    boolean endsAtBoundary = end >= text.length() || !Character.isLetterOrDigit(text.codePointAt(end));
    return startsAtBoundary && endsAtBoundary;
  }

  private static Map<String, Term> compile(List<LexiconEntry> entries, List<String> problems) {
    Map<String, Term> terms = new HashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (LexiconEntry entry : entries) {
      String normalised = TextNormaliser.normalise(entry.term());
      if (normalised.isEmpty()) {
        problems.add("line " + entry.line() + ": the term '" + entry.term() + "' is empty once normalised");
        continue;
      }
      Integer earlier = firstLine.putIfAbsent(normalised, entry.line());
      if (earlier != null) {
        problems.add("line " + entry.line() + ": the term '" + entry.term() + "' repeats line " + earlier
            + " once normalised ('" + normalised + "')");
        continue;
      }
      boolean latin = normalised.codePoints()
          .anyMatch(c -> Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.LATIN);
      terms.put(normalised, new Term(entry, latin));
    }
    return terms;
  }

  private static java.util.Optional<LexiconEntry> parse(CsvFile.Fields fields, List<String> problems) {
    int line = fields.line();
    List<String> values = fields.values();
    if (values.size() != HEADER.size()) {
      problems.add("line " + line + ": expected 4 fields (term,language,weight,tier), found " + values.size());
      return java.util.Optional.empty();
    }
    String term = values.get(0);
    if (term.isBlank()) {
      problems.add("line " + line + ": the term is empty");
      return java.util.Optional.empty();
    }
    String language = values.get(1);
    if (!LANGUAGE.matcher(language).matches()) {
      problems.add("line " + line + ": '" + language + "' is not a language tag such as en, ar or und");
      return java.util.Optional.empty();
    }
    double weight;
    try {
      weight = Double.parseDouble(values.get(2));
    } catch (NumberFormatException e) {
      problems.add("line " + line + ": the weight '" + values.get(2) + "' is not a number");
      return java.util.Optional.empty();
    }
    if (!(weight >= 0 && weight <= 1)) {
      problems.add("line " + line + ": the weight " + values.get(2) + " is outside [0, 1]");
      return java.util.Optional.empty();
    }
    Tier tier;
    try {
      tier = Tier.parse(values.get(3));
    } catch (IllegalArgumentException e) {
      problems.add("line " + line + ": " + e.getMessage());
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new LexiconEntry(term, language, weight, tier, line));
  }
}
