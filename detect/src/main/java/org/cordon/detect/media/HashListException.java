package org.cordon.detect.media;

import java.util.List;

/** A hash list file has rows that cannot be used; each problem names its line. */
public final class HashListException extends RuntimeException {
  private final List<String> problems;

  HashListException(String listName, List<String> problems) {
    super("hash list '" + listName + "' has " + problems.size() + " bad row(s); fix them and reload:\n  "
        + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
