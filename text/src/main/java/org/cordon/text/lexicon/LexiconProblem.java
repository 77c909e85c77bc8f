package org.cordon.text.lexicon;

import java.util.Objects;
import java.util.OptionalInt;

/** One thing wrong with a lexicon or its file, where it is known which line says it. */
public record LexiconProblem(OptionalInt line, String message) {
  public LexiconProblem {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(message, "message");
  }

  static LexiconProblem at(int line, String message) {
    return new LexiconProblem(OptionalInt.of(line), message);
  }

  static LexiconProblem general(String message) {
    return new LexiconProblem(OptionalInt.empty(), message);
  }

  @Override
  public String toString() {
    return line.isPresent() ? "line " + line.getAsInt() + ": " + message : message;
  }
}
