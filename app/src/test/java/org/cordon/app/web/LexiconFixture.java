package org.cordon.app.web;

/** A placeholder lexicon in the detect module's CSV format; no real terms. */
final class LexiconFixture {
  static final String CSV = """
      term,language,weight,tier
      lanternfront,en,0.6,official_propaganda
      فانوس الشمال,ar,0.6,official_propaganda
      """;

  private LexiconFixture() {}
}
