/**
 * Text normalisation against adversarial spelling. The entry point is {@link
 * org.cordon.text.Normaliser}; its result, {@link org.cordon.text.NormalisedText}, keeps the way
 * back from every normalised character to the original text, so matches can be shown to analysts
 * as they were posted.
 */
package org.cordon.text;
