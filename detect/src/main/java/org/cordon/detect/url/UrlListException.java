package org.cordon.detect.url;

import java.util.List;

/** A URL list file with bad rows; {@link #problems()} names each by line. Fix them and load again. */
public final class UrlListException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public UrlListException(String list, List<String> problems) {
    super("URL list '" + list + "' has " + problems.size() + " bad row(s): " + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
        + (problems.size() > 10 ? "; …" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
