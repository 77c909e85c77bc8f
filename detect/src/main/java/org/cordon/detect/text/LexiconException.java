package org.cordon.detect.text;

import java.util.List;

/** A lexicon file has rows that cannot be used; each problem names its line. */
public final class LexiconException extends RuntimeException {
  private final List<String> problems;

  LexiconException(String source, List<String> problems) {
    super("lexicon " + source + " has " + problems.size() + " bad row(s); fix them and reload:\n  "
        + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
