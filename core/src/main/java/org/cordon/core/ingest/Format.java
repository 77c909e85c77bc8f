package org.cordon.core.ingest;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of an input format a connector reads ("x-v2", "telegram-export"). Persisted: never renamed. */
public record Format(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public Format {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a format name is lowercase letters, digits and '-': '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
