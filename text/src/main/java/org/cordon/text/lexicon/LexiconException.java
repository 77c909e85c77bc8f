package org.cordon.text.lexicon;

import java.util.List;
import java.util.Objects;

/** A lexicon or lexicon file that cannot be accepted, with every problem found (up to a limit). */
public final class LexiconException extends RuntimeException {
  private static final int PROBLEMS_IN_MESSAGE = 20;
  private final String lexicon;
  private final List<LexiconProblem> problems;

  public LexiconException(String lexicon, List<LexiconProblem> problems) {
    super(message(lexicon, problems));
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.problems = List.copyOf(problems);
  }

  public String lexicon() {
    return lexicon;
  }

  public List<LexiconProblem> problems() {
    return problems;
  }

  private static String message(String lexicon, List<LexiconProblem> problems) {
    StringBuilder text = new StringBuilder("lexicon '" + lexicon + "' was not accepted (fix these and try again):");
    problems.stream().limit(PROBLEMS_IN_MESSAGE).forEach(p -> text.append("\n  ").append(p));
    if (problems.size() > PROBLEMS_IN_MESSAGE) {
      text.append("\n  … and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more");
    }
    return text.toString();
  }
}
