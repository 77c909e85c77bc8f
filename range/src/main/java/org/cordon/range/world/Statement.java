package org.cordon.range.world;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A long statement of an outlet: published first on the messenger (in full), then re-posted. Its
 * text is its sentences joined by single spaces, written to truth/statements.jsonl. Some accompany a
 * release ({@code releaseId}) and name it in their second sentence.
 */
record Statement(String id, int number, int outlet, Lang lang, long publishAtMs, List<String> sentences,
    Optional<String> releaseId) {
  Statement {
    sentences = List.copyOf(sentences);
    Objects.requireNonNull(releaseId, "releaseId");
  }

  String text() {
    return String.join(" ", sentences);
  }
}
