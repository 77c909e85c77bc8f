package org.cordon.detect.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.signal.Decimals;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.detect.csv.CsvFile;

/**
 * Finds posts that nearly repeat a known statement: re-posted with small edits, in another spelling
 * or script variant, or cut into fragments. Statements come from lists (CSV {@code text,label,tier});
 * the signal's strength is the similarity score, its reason names the statement, the list and how
 * similar the post is.
 */
public final class KnownTextDetector implements Detector {
  public static final String NAME = "text-near-duplicate";
  /** Jaccard similarity or containment at which a post counts as a repeat; configurable. */
  public static final double DEFAULT_THRESHOLD = 0.6;

  private final NearDuplicateIndex<Statement> index = new NearDuplicateIndex<>();
  private final double threshold;

  /** One known statement of a list. */
  public record Statement(String list, String text, String label, Tier tier, int line) {
    public Statement {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(tier, "tier");
    }
  }

  public KnownTextDetector(List<Statement> statements, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the similarity threshold is in (0, 1]: " + threshold);
    }
    this.threshold = threshold;
    statements.forEach(s -> index.add(s.text(), s));
  }

  /**
   * Reads a statement list; any bad row makes the load fail, listing every bad row by line.
   *
   * @throws IllegalArgumentException naming every bad row by line
   */
  public static List<Statement> load(String list, Path file) throws IOException {
    List<CsvFile.Row> rows = CsvFile.read(file);
    if (rows.isEmpty() || !(rows.getFirst() instanceof CsvFile.Fields header) || !header.values().equals(List.of("text", "label", "tier"))) {
      throw new IllegalArgumentException("statement list '" + list + "': line 1: the header must be text,label,tier");
    }
    List<Statement> statements = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvFile.Row row : rows.subList(1, rows.size())) {
      switch (row) {
        case CsvFile.Malformed m -> problems.add(m.problem());
        case CsvFile.Fields f -> {
          List<String> v = f.values();
          if (v.size() != 3) {
            problems.add("line " + f.line() + ": expected 3 fields (text,label,tier), found " + v.size());
          } else if (Shingles.fold(v.get(0)).length() < 20) {
            problems.add("line " + f.line() + ": the statement is too short to be told apart from ordinary text (20 letters at least)");
          } else if (v.get(1).isBlank()) {
            problems.add("line " + f.line() + ": the label is empty");
          } else {
            try {
              if (seen.add(Shingles.fold(v.get(0)))) {
                statements.add(new Statement(list, v.get(0), v.get(1).strip(), Tier.parse(v.get(2)), f.line()));
              }
            } catch (IllegalArgumentException e) {
              problems.add("line " + f.line() + ": " + e.getMessage());
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("statement list '" + list + "' has " + problems.size() + " bad row(s): " + String.join("; ", problems));
    }
    return statements;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Signal> detect(PostContext context) {
    List<Signal> signals = new ArrayList<>();
    for (NearDuplicateIndex.Match<Statement> m : index.search(context.post().text(), threshold)) {
      Statement s = m.value();
      boolean fragment = m.containment() > m.jaccard();
      signals.add(new Signal(context.post().key(), NAME, Math.min(1, m.score()), Optional.of(s.tier()),
          "text " + (fragment ? "is a fragment of" : "repeats") + " known statement '" + s.label() + "' (line " + s.line() + " of list '"
              + s.list() + "'): " + Decimals.fixed(m.score(), 2),
          Map.of("list", s.list(), "entry", s.label(), "entry_line", Integer.toString(s.line()),
              "jaccard", Decimals.fixed(m.jaccard(), 3), "containment", Decimals.fixed(m.containment(), 3))));
    }
    return signals;
  }
}
