package org.cordon.detect.text;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/**
 * Raises at most one signal per post when its text contains lexicon terms (see {@link Lexicon}
 * for matching and the file format). Each distinct term counts once, however often it appears;
 * the strength is {@code 1 − Π(1 − weight)} over the terms found, so several weak terms add up
 * without ever passing 1. The tier is the most severe among the terms found; the reason lists
 * the terms. Only the post's text is read.
 */
public final class LexiconDetector implements Detector {
  public static final String NAME = "lexicon";

  private final Lexicon lexicon;

  public LexiconDetector(Lexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Signal> detect(PostContext post) {
    Objects.requireNonNull(post, "post");
    List<LexiconEntry> hits = lexicon.match(post.post().text());
    if (hits.isEmpty()) {
      return List.of();
    }
    double unexplained = 1.0;
    for (LexiconEntry hit : hits) {
      unexplained *= 1.0 - hit.weight();
    }
    double strength = Math.min(1.0, Math.max(0.0, 1.0 - unexplained));
    Optional<Tier> tier = hits.stream().map(LexiconEntry::tier).min(Comparator.naturalOrder());
    String terms = hits.stream()
        .map(h -> "'" + h.term() + "' (" + h.language() + ", " + String.format(Locale.ROOT, "%.2f", h.weight()) + ")")
        .collect(Collectors.joining(", "));
    String reason = "text matches " + hits.size() + " term(s) of lexicon '" + lexicon.name() + "': " + terms;
    Map<String, String> evidence = Map.of(
        "lexicon", lexicon.name(),
        "terms", hits.stream().map(LexiconEntry::term).collect(Collectors.joining(" | ")),
        "lines", hits.stream().map(h -> Integer.toString(h.line())).collect(Collectors.joining(",")),
        "hits", Integer.toString(hits.size()));
    return List.of(new Signal(post.post().key(), NAME, strength, tier, reason, evidence));
  }
}
