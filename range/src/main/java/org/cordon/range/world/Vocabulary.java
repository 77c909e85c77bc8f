package org.cordon.range.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fictional organisation's vocabulary as a unit would write it into a lexicon: its names, its
 * outlets' names, its slogans and hashtags, in every language the range writes. The demo loads it
 * as the analyst kit's lexicon; a real deployment loads its own. Weights are chosen so that naming
 * an outlet alone (as journalists and researchers do) stays under the flag threshold, while
 * slogans, the organisation's own name and hashtags together cross it.
 */
public final class Vocabulary {
  /** One lexicon row: a term, its language (ISO 639-1), a weight in (0, 1] and a tier key. */
  public record Term(String term, String language, double weight, String tier) {
    public Term {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(tier, "tier");
    }
  }

  private Vocabulary() {}

  public static List<Term> lexicon() {
    List<Term> terms = new ArrayList<>();
    terms.add(new Term(Organisation.NAME_EN, "en", 0.45, "official_propaganda"));
    terms.add(new Term(Organisation.NAME_AR, "ar", 0.45, "official_propaganda"));
    for (String t : Organisation.NAME_TRANSLITERATIONS) {
      terms.add(new Term(t, "ar", 0.45, "official_propaganda"));
    }
    for (Organisation.Outlet o : Organisation.OUTLETS) {
      terms.add(new Term(o.en(), "en", 0.3, "official_propaganda"));
      terms.add(new Term(o.ar(), "ar", 0.3, "official_propaganda"));
      terms.add(new Term(o.fr(), "fr", 0.3, "official_propaganda"));
      terms.add(new Term(o.de(), "de", 0.3, "official_propaganda"));
      terms.add(new Term(o.transliteration(), "ar", 0.3, "official_propaganda"));
    }
    slogans(terms, Organisation.SLOGANS_EN, "en");
    slogans(terms, Organisation.SLOGANS_AR, "ar");
    slogans(terms, Organisation.SLOGANS_FR, "fr");
    slogans(terms, Organisation.SLOGANS_DE, "de");
    hashtags(terms, Organisation.HASHTAGS_EN, "en");
    hashtags(terms, Organisation.HASHTAGS_AR, "ar");
    hashtags(terms, Organisation.HASHTAGS_FR, "fr");
    hashtags(terms, Organisation.HASHTAGS_DE, "de");
    hashtags(terms, Organisation.HASHTAGS_TRANSLIT, "ar");
    // A lexicon holds each term once, whatever the languages that share it.
    List<Term> unique = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Term t : terms) {
      if (seen.add(t.term().toLowerCase(java.util.Locale.ROOT))) {
        unique.add(t);
      }
    }
    return List.copyOf(unique);
  }

  private static void slogans(List<Term> terms, List<String> slogans, String language) {
    for (String s : slogans) {
      // without the final full stop, so a slogan matches inside a longer sentence
      terms.add(new Term(s.replaceAll("[.!]+$", ""), language, 0.6, "promotional"));
    }
  }

  private static void hashtags(List<Term> terms, List<String> hashtags, String language) {
    for (String h : hashtags) {
      terms.add(new Term(h, language, 0.35, "promotional"));
    }
  }
}
