package org.cordon.language;

/**
 * Identifies the language of a short social-media post.
 *
 * <p>Implementations strip URLs, @mentions and hashtag markers, split mixed-script text into
 * script segments, identify each, and choose the dominant language by letter weight. Text that is
 * too short or not linguistic (only links, emoji, digits, hashtags) gives an empty language rather
 * than a guess. Only the first {@link #MAXIMUM_INPUT_LENGTH} UTF-16 characters are examined, so a
 * hostile megabyte-long post costs no more than an ordinary long one.
 *
 * <p>Implementations are safe to share between threads.
 */
public interface LanguageIdentifier {

    /**
     * Characters examined per post. Telegram posts stop at 4,096 and identification accuracy stops
     * improving long before 2,000, so the rest is ignored to bound the cost of hostile input.
     */
    int MAXIMUM_INPUT_LENGTH = 2_000;

    Identification identify(String text);

    /** A short stable name for reports: "lingua-low", "opennlp", ... */
    String name();
}
