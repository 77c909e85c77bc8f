package org.cordon.model.data;

import java.util.List;
import java.util.Objects;

/**
 * What a labelled file yielded: the good examples, how many rows were skipped, and the first few
 * skipped rows with their line numbers and reasons.
 *
 * @param source a description of where the data came from (file name, or "analyst decisions")
 * @param sha256 the digest of the file's bytes, to record which data trained a model
 */
public record LabelledData(String source, String sha256, List<LabelledExample> examples, long skippedRows, List<SkippedRow> firstSkipped) {
  /** How many skipped rows are kept with their reasons; the rest are only counted. */
  public static final int SKIPPED_KEPT = 100;

  public LabelledData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    examples = List.copyOf(examples);
    firstSkipped = List.copyOf(firstSkipped);
  }

  /** Data that did not come from a file (analysts' decisions): its digest covers the examples. */
  public static LabelledData of(String source, List<LabelledExample> examples) {
    java.security.MessageDigest digest = ByteSource.newDigest();
    for (LabelledExample example : examples) {
      digest.update(example.label().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(example.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return new LabelledData(source, java.util.HexFormat.of().formatHex(digest.digest()), examples, 0, List.of());
  }
}
