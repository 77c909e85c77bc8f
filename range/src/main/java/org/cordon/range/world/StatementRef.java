package org.cordon.range.world;

import java.util.Objects;
import java.util.Optional;

/**
 * The statement side of a post's truth: which statement (none for a look-alike), how the post
 * varies it, and for a split post its part ({@code part} of {@code parts}, from 1; 0 of 0 otherwise).
 */
record StatementRef(Optional<String> statementId, StatementVariant variant, int part, int parts) {
  StatementRef {
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(variant, "variant");
  }

  static StatementRef of(String statementId, StatementVariant variant) {
    return new StatementRef(Optional.of(statementId), variant, 0, 0);
  }

  Optional<String> partLabel() {
    return parts == 0 ? Optional.empty() : Optional.of(part + "/" + parts);
  }
}
