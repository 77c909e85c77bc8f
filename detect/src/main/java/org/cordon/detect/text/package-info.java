/**
 * Text signals: {@link org.cordon.detect.text.LexiconDetector} and its file-watching form
 * {@link org.cordon.detect.text.ReloadingLexiconDetector}, over a {@link org.cordon.detect.text.Lexicon}.
 */
package org.cordon.detect.text;
