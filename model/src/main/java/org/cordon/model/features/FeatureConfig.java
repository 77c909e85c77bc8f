package org.cordon.model.features;

/**
 * How text becomes hashed features; saved with every model because a model is only valid with the
 * exact settings it was trained with.
 *
 * @param bucketsLog2 the hashed space has 2^bucketsLog2 dimensions (16..24)
 * @param charMin shortest character n-gram, counted on the word padded with '<' and '>'
 * @param charMax longest character n-gram
 * @param wordBigrams whether adjacent word pairs are features too
 * @param maxChars text beyond this many characters is ignored, so a huge post costs a bounded time
 * @param normaliser the name of the normaliser the model was trained with, for the record
 */
public record FeatureConfig(int bucketsLog2, int charMin, int charMax, boolean wordBigrams, int maxChars, String normaliser) {
  public static final FeatureConfig DEFAULT = new FeatureConfig(20, 2, 5, true, 10_000, TextNormalisers.DEFAULT_NAME);

  public FeatureConfig {
    if (bucketsLog2 < 16 || bucketsLog2 > 24) {
      throw new IllegalArgumentException("bucketsLog2 must be in 16..24, got " + bucketsLog2);
    }
    if (charMin < 1 || charMax < charMin || charMax > 8) {
      throw new IllegalArgumentException("character n-grams need 1 <= min <= max <= 8, got " + charMin + ".." + charMax);
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }
    if (normaliser == null || normaliser.isBlank()) {
      throw new IllegalArgumentException("name the normaliser the features are computed with");
    }
  }

  public int dimensions() {
    return 1 << bucketsLog2;
  }

  public FeatureConfig withBucketsLog2(int log2) {
    return new FeatureConfig(log2, charMin, charMax, wordBigrams, maxChars, normaliser);
  }
}
