package org.cordon.detect.text;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.text.lexicon.EntryKey;
import org.cordon.text.lexicon.Lexicon;
import org.cordon.text.lexicon.LexiconEntry;
import org.cordon.text.lexicon.LexiconMatch;
import org.cordon.text.lexicon.LexiconMatcher;

/**
 * Raises at most one signal per post when its text contains lexicon entries, matched after
 * {@link org.cordon.text.Normaliser normalisation} (so homoglyphs, leetspeak, invisible characters,
 * Arabic spelling variants and hashtags do not hide a term) and filtered by the post's language
 * when it is known. Each distinct entry counts once, however often it appears; the strength is
 * {@code 1 − Π(1 − weight)} over the entries found, so several weak terms add up without ever
 * passing 1. The tier is the most severe among the entries found; the reason lists the entries and
 * the evidence shows the text as it was written, so an analyst sees the disguise.
 */
public final class LexiconDetector implements Detector {
  public static final String NAME = "lexicon";

  private final Lexicon lexicon;
  private final LexiconMatcher matcher;
  /**
   * Each entry's key, by identity: {@link LexiconEntry#key()} normalises the term on every call,
   * which showed in the triage profile once per match. The matcher hands back these very entries.
   */
  private final Map<LexiconEntry, EntryKey> keys = new IdentityHashMap<>();
  /** Each entry as the reason names it ("'term' (en, 0.50)"), by identity, formatted once rather than per match. */
  private final Map<LexiconEntry, String> described = new IdentityHashMap<>();

  public LexiconDetector(Lexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.matcher = lexicon.matcher();
    lexicon.entries().forEach(e -> {
      keys.put(e, e.key());
      described.put(e, describe(e));
    });
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  private static String describe(LexiconEntry e) {
    return "'" + e.term() + "' (" + e.language() + ", " + String.format(Locale.ROOT, "%.2f", e.weight()) + ")";
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Signal> detect(PostContext post) {
    Objects.requireNonNull(post, "post");
    List<LexiconMatch> matches = matcher.match(post.post().text(), post.post().language());
    if (matches.isEmpty()) {
      return List.of();
    }
    Map<EntryKey, LexiconMatch> distinct = new LinkedHashMap<>();
    for (LexiconMatch m : matches) {
      EntryKey key = keys.get(m.entry());
      distinct.putIfAbsent(key != null ? key : m.entry().key(), m);
    }
    List<LexiconMatch> hits = new ArrayList<>(distinct.values());
    double unexplained = 1.0;
    for (LexiconMatch hit : hits) {
      unexplained *= 1.0 - hit.entry().weight();
    }
    double strength = Math.min(1.0, Math.max(0.0, 1.0 - unexplained));
    // one pass of plain loops: this runs for every post with a hit, and five streams showed
    Optional<Tier> tier = Optional.empty();
    StringBuilder terms = new StringBuilder();
    StringBuilder termList = new StringBuilder();
    StringBuilder written = new StringBuilder();
    StringBuilder spans = new StringBuilder();
    for (LexiconMatch h : hits) {
      LexiconEntry e = h.entry();
      if (e.tier().isPresent() && (tier.isEmpty() || e.tier().get().compareTo(tier.get()) < 0)) {
        tier = e.tier();
      }
      String description = described.get(e);
      terms.append(terms.isEmpty() ? "" : ", ").append(description != null ? description : describe(e));
      if (!h.originalText().equals(e.term())) {
        terms.append(" written \"").append(h.originalText()).append('"');
      }
      boolean first = h == hits.getFirst();
      termList.append(first ? "" : " | ").append(e.term());
      written.append(first ? "" : " | ").append(h.originalText());
      spans.append(first ? "" : ",").append(h.originalSpan().start()).append('-').append(h.originalSpan().end());
    }
    String reason = "text matches " + hits.size() + " entr" + (hits.size() == 1 ? "y" : "ies") + " of lexicon '" + lexicon.name()
        + "' v" + lexicon.version() + ": " + terms;
    Map<String, String> evidence = Map.of(
        "lexicon", lexicon.name(),
        "lexicon_version", Long.toString(lexicon.version()),
        "terms", termList.toString(),
        "written", written.toString(),
        "spans", spans.toString(),
        "hits", Integer.toString(hits.size()));
    return List.of(new Signal(post.post().key(), NAME, strength, tier, reason, evidence));
  }
}
