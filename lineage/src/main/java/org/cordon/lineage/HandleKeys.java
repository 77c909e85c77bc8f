package org.cordon.lineage;

/** The folded forms of one handle (see {@link Names}), computed once. */
record HandleKeys(String plain, String base, String phoneticBase, String letters, String phoneticLetters) {
  static HandleKeys of(String handle) {
    String plain = Names.plain(handle);
    String base = Names.base(plain);
    String letters = Names.letters(plain);
    return new HandleKeys(plain, base, Names.phonetic(base), letters, Names.phonetic(letters));
  }
}
