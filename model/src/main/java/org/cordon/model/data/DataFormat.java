package org.cordon.model.data;

import java.nio.file.Path;
import java.util.Locale;

/** The labelled-file formats Cordon reads. */
public enum DataFormat {
  CSV,
  JSONL;

  /** Guesses from the file name: .jsonl, .ndjson and .json are JSON lines; anything else is CSV. */
  public static DataFormat guess(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
  }
}
