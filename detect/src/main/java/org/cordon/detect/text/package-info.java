/**
 * Text signals: {@link org.cordon.detect.text.LexiconDetector} and its file-watching form
 * {@link org.cordon.detect.text.ReloadingLexiconDetector}, over a lexicon of module {@code text}; near-duplicates of
 * known statements ({@link org.cordon.detect.text.KnownTextDetector}).
 */
package org.cordon.detect.text;
