/**
 * Lexicons as data: versioned, digested sets of terms, phrases and RE2 patterns per language, with
 * weight, tier and provenance ({@link org.cordon.text.lexicon.Lexicon}); their CSV and JSON files
 * ({@link org.cordon.text.lexicon.LexiconFormat}); and the matcher that finds them in normalised
 * posts with one Aho–Corasick automaton ({@link org.cordon.text.lexicon.LexiconMatcher}).
 */
package org.cordon.text.lexicon;
