package org.cordon.model.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.UnaryOperator;

/**
 * Turns a text in any language or script into a sparse vector: word unigrams, word bigrams and
 * character n-grams of each word padded with '<' and '>', hashed with MurmurHash3 into
 * 2^bucketsLog2 buckets. A second bit of the hash gives each feature a sign, so collisions cancel
 * out on average instead of piling up. Counts are damped (1 + ln tf) and the vector has unit L2
 * norm, so long and short posts score on the same scale.
 *
 * <p>Words are maximal runs of letters, digits and combining marks, so Arabic with diacritics or
 * Devanagari vowel signs stay whole; scripts written without spaces (Chinese, Thai) become one long
 * "word" whose character n-grams still carry the signal. Thread-safe.
 */
public final class FeatureHasher {
  /** Longest word whose character n-grams are taken in full; longer words are cut, bounding cost. */
  static final int MAX_WORD_CHARS = 48;

  private static final int WORD_SEED = 0x5752_4431;
  private static final int BIGRAM_SEED = 0x4247_5232;
  private static final int CHAR_SEED = 0x4348_5233;

  private final FeatureConfig config;
  private final UnaryOperator<String> normaliser;
  private final int mask;
  private final ThreadLocal<Accumulator> scratch;

  public FeatureHasher(FeatureConfig config, UnaryOperator<String> normaliser) {
    this.config = Objects.requireNonNull(config, "config");
    this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    this.mask = config.dimensions() - 1;
    this.scratch = ThreadLocal.withInitial(() -> new Accumulator(mask));
  }

  public FeatureConfig config() {
    return config;
  }

  /** The text's features; the indices come in the order the text first reaches each bucket. */
  public SparseVector features(String text) {
    Accumulator accumulator = scratch.get();
    accumulator.reset();
    visit(text, accumulator);
    return accumulator.toVector();
  }

  /**
   * The dot product of the text's feature vector with the weights, without building the vector:
   * the scoring fast path. Equal (up to float rounding) to {@code features(text).dot(weights)}.
   */
  public double dot(String text, float[] weights) {
    if (weights.length != config.dimensions()) {
      throw new IllegalArgumentException("weights have " + weights.length + " dimensions, the features " + config.dimensions());
    }
    return accumulate(text).dot(weights);
  }

  /** This thread's accumulator, holding the text's signed counts. */
  private Accumulator accumulate(String text) {
    Accumulator accumulator = scratch.get();
    accumulator.reset();
    visit(text, accumulator);
    return accumulator;
  }

  /** A dot product and, when it was wanted, the features of the same text that pushed it most. */
  public record Scored(double dot, Optional<List<WeightedFeature>> strongest) {
    public Scored {
      Objects.requireNonNull(strongest, "strongest");
    }
  }

  /**
   * One bucket of a text's feature vector, named after the first feature of the text that fell into
   * it, and its entry times the weight there: how much it pushed a dot product.
   */
  public record WeightedFeature(NamedFeature feature, double contribution) {
    public WeightedFeature {
      Objects.requireNonNull(feature, "feature");
    }
  }

  private static final NamedFeature.Kind[] KINDS = NamedFeature.Kind.values();
  private static final int NEGATIVE = 4;

  /**
   * {@link #dot} and, when {@code wanted} accepts that dot product, the {@code top} entries of
   * {@link #features} whose products with the weights are largest (largest first, the earlier entry
   * first on a tie, as a stable sort gives), each named as {@link #firstNamedFeatures} names it. All
   * from one pass over the text, and without building the vector: a triage post that scores high is
   * explained, and reading it again to name a few features was a tenth of the classifier's cost.
   */
  public Scored dotThenStrongest(String text, float[] weights, DoublePredicate wanted, int top) {
    if (weights.length != config.dimensions()) {
      throw new IllegalArgumentException("weights have " + weights.length + " dimensions, the features " + config.dimensions());
    }
    Accumulator counts = accumulate(text);
    double dot = counts.dot(weights);
    return new Scored(dot, wanted.test(dot) ? Optional.of(counts.strongest(weights, top, mask)) : Optional.empty());
  }

  /** Every feature occurrence of the text with its readable form, for explaining a score. */
  public List<NamedFeature> namedFeatures(String text) {
    List<NamedFeature> named = new ArrayList<>();
    visit(text, (hash, kind, chars, start, end) ->
        named.add(new NamedFeature(kind, new String(chars, start, end - start), hash & mask, hash < 0 ? -1 : 1)));
    return named;
  }

  /**
   * The first feature occurrence of the text in each of the given buckets (at most one each, in
   * text order): how an explanation names its few buckets without a string for every n-gram.
   */
  public List<NamedFeature> firstNamedFeatures(String text, int[] buckets) {
    List<NamedFeature> named = new ArrayList<>(buckets.length);
    boolean[] done = new boolean[buckets.length];
    visit(text, new FeatureSink() {
      @Override
      public void feature(int hash, NamedFeature.Kind kind, char[] chars, int start, int end) {
        int index = hash & mask;
        for (int b = 0; b < buckets.length; b++) {
          if (buckets[b] == index && !done[b]) {
            done[b] = true;
            named.add(new NamedFeature(kind, new String(chars, start, end - start), index, hash < 0 ? -1 : 1));
          }
        }
      }

      @Override
      public boolean satisfied() {
        // every bucket has its first feature: the rest of the text can name none earlier
        return named.size() == buckets.length;
      }
    });
    return named;
  }

  private void visit(String text, FeatureSink sink) {
    String bounded = text.length() > config.maxChars() ? text.substring(0, config.maxChars()) : text;
    char[] chars = normaliser.apply(bounded).toCharArray();
    char[] padded = new char[MAX_WORD_CHARS + 2];
    int[] prefix = prefixScratch((MAX_WORD_CHARS + 2) * (config.charMax() / 2 + 1));
    int length = chars.length;
    sink.text(chars);
    int previousHash = 0;
    int previousStart = -1;
    int i = 0;
    while (i < length && !sink.satisfied()) {
      int codePoint = Character.codePointAt(chars, i);
      if (!isWordCharacter(codePoint)) {
        i += Character.charCount(codePoint);
        continue;
      }
      int start = i;
      while (i < length) {
        codePoint = Character.codePointAt(chars, i);
        if (!isWordCharacter(codePoint)) {
          break;
        }
        i += Character.charCount(codePoint);
      }
      int end = i;
      sink.word(start, Math.min(end - start, MAX_WORD_CHARS));
      int wordHash = Murmur3.hash(chars, start, end, WORD_SEED);
      sink.feature(wordHash, NamedFeature.Kind.WORD, chars, start, end);
      if (config.wordBigrams() && previousStart >= 0) {
        sink.feature(Murmur3.combine(previousHash, wordHash, BIGRAM_SEED), NamedFeature.Kind.WORD_BIGRAM, chars, previousStart, end);
      }
      previousHash = wordHash;
      previousStart = start;
      characterNgrams(chars, start, end, padded, prefix, sink);
    }
  }

  private void characterNgrams(char[] chars, int start, int end, char[] padded, int[] prefix, FeatureSink sink) {
    int wordLength = Math.min(end - start, MAX_WORD_CHARS);
    padded[0] = '<';
    System.arraycopy(chars, start, padded, 1, wordLength);
    padded[wordLength + 1] = '>';
    int paddedLength = wordLength + 2;
    // The n-grams starting at one position share their leading pairs of characters, so the hash
    // state after each pair is computed once per position (prefix[from * stride + pairs]) and
    // each n-gram only finishes it: the same hashes as Murmur3.hash, in the same order.
    int stride = config.charMax() / 2 + 1;
    for (int from = 0; from < paddedLength; from++) {
      int h = CHAR_SEED;
      prefix[from * stride] = h;
      for (int pairs = 1; pairs < stride && from + 2 * pairs <= paddedLength; pairs++) {
        h = Murmur3.step(h, padded[from + 2 * pairs - 2], padded[from + 2 * pairs - 1]);
        prefix[from * stride + pairs] = h;
      }
    }
    for (int n = config.charMin(); n <= config.charMax() && n <= paddedLength; n++) {
      for (int from = 0; from + n <= paddedLength; from++) {
        if (n == 1 && (from == 0 || from == paddedLength - 1)) {
          continue; // a lone boundary marker is in every word and says nothing
        }
        sink.feature(Murmur3.finish(prefix[from * stride + n / 2], padded, from + n, n), NamedFeature.Kind.CHARACTERS, padded, from, from + n);
      }
    }
  }

  private final ThreadLocal<int[][]> prefixes = ThreadLocal.withInitial(() -> new int[1][0]);

  private int[] prefixScratch(int size) {
    int[][] holder = prefixes.get();
    if (holder[0].length < size) {
      holder[0] = new int[size];
    }
    return holder[0];
  }

  private static boolean isWordCharacter(int codePoint) {
    if (codePoint < 0x80) {
      // ASCII has letters and digits, but no marks: most of the text, without the Unicode tables
      return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= '0' && codePoint <= '9') || (codePoint >= 'A' && codePoint <= 'Z');
    }
    if (Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  /** 1 + ln |count|, from a table for the small counts nearly every feature has. */
  private static final double[] DAMPED = java.util.stream.IntStream.range(0, 64).mapToDouble(n -> n == 0 ? 0 : 1 + Math.log(n)).toArray();

  static double damp(float count) {
    int n = (int) Math.abs(count);
    return n < DAMPED.length ? DAMPED[n] : 1 + Math.log(n);
  }

  @FunctionalInterface
  private interface FeatureSink {
    void feature(int hash, NamedFeature.Kind kind, char[] chars, int start, int end);

    /** True when no later feature can matter, so the rest of the text is skipped (checked between words). */
    default boolean satisfied() {
      return false;
    }

    /** The normalised text whose features follow. */
    default void text(char[] chars) {}

    /** The features that follow, up to the next call, are of the word at {@code start}, of {@code cappedLength} characters. */
    default void word(int start, int cappedLength) {}
  }

  /** Signed counts per bucket in a small open-addressing table that is reset, not reallocated. */
  private static final class Accumulator implements FeatureSink {
    private final int mask;
    private int[] keys = new int[1024];
    private float[] counts = new float[1024];
    private int[] usedSlots = new int[1024];
    /** Per slot, the first feature that reached it: kind and sign, and where (see firstFeature). */
    private byte[] firstKindAndSign = new byte[1024];
    private int[] firstFrom = new int[1024];
    private int[] firstTo = new int[1024];
    private int size;
    /**
     * What the last {@link #dot} read, by entry (usedSlots order): the weight and the signed damped
     * count as a float, and the sum of those floats' squares; valid while seenFor is its weights.
     */
    private float[] seenWeight = new float[1024];
    private float[] seenDamped = new float[1024];
    private double seenFloatSquares;
    private float[] seenFor;
    private char[] text = new char[0];
    private int wordStart;
    private int wordLength;

    @Override
    public void text(char[] chars) {
      this.text = chars;
    }

    @Override
    public void word(int start, int cappedLength) {
      this.wordStart = start;
      this.wordLength = cappedLength;
    }

    Accumulator(int mask) {
      this.mask = mask;
      java.util.Arrays.fill(keys, -1);
    }

    void reset() {
      seenFor = null;
      for (int i = 0; i < size; i++) {
        keys[usedSlots[i]] = -1;
        counts[usedSlots[i]] = 0;
      }
      size = 0;
    }

    @Override
    public void feature(int hash, NamedFeature.Kind kind, char[] chars, int start, int end) {
      int index = hash & mask;
      float sign = hash < 0 ? -1f : 1f;
      int tableMask = keys.length - 1;
      int slot = (index * 0x9E3779B9) >>> 7 & tableMask;
      while (true) {
        int key = keys[slot];
        if (key == index) {
          counts[slot] += sign;
          return;
        }
        if (key == -1) {
          keys[slot] = index;
          counts[slot] = sign;
          firstKindAndSign[slot] = (byte) (kind.ordinal() | (hash < 0 ? NEGATIVE : 0));
          if (kind == NamedFeature.Kind.CHARACTERS) {
            // chars is the padded word "<word>", rebuilt from the text when named
            firstFrom[slot] = wordStart;
            firstTo[slot] = wordLength << 16 | start << 8 | (end - start);
          } else {
            firstFrom[slot] = start;
            firstTo[slot] = end;
          }
          usedSlots[size++] = slot;
          if (size * 2 > keys.length) {
            grow();
          }
          return;
        }
        slot = (slot + 1) & tableMask;
      }
    }

    private void grow() {
      int[] oldKeys = keys;
      float[] oldCounts = counts;
      int[] oldUsed = usedSlots;
      byte[] oldKindAndSign = firstKindAndSign;
      int[] oldFrom = firstFrom;
      int[] oldTo = firstTo;
      int oldSize = size;
      keys = new int[oldKeys.length * 2];
      java.util.Arrays.fill(keys, -1);
      counts = new float[oldKeys.length * 2];
      usedSlots = new int[keys.length];
      firstKindAndSign = new byte[keys.length];
      firstFrom = new int[keys.length];
      firstTo = new int[keys.length];
      size = 0;
      int tableMask = keys.length - 1;
      for (int i = 0; i < oldSize; i++) {
        int index = oldKeys[oldUsed[i]];
        int slot = (index * 0x9E3779B9) >>> 7 & tableMask;
        while (keys[slot] != -1) {
          slot = (slot + 1) & tableMask;
        }
        keys[slot] = index;
        counts[slot] = oldCounts[oldUsed[i]];
        firstKindAndSign[slot] = oldKindAndSign[oldUsed[i]];
        firstFrom[slot] = oldFrom[oldUsed[i]];
        firstTo[slot] = oldTo[oldUsed[i]];
        usedSlots[size++] = slot;
      }
    }

    double dot(float[] weights) {
      if (seenWeight.length < size) {
        seenWeight = new float[keys.length];
        seenDamped = new float[keys.length];
      }
      double sum = 0;
      double squares = 0;
      double floatSquares = 0;
      for (int i = 0; i < size; i++) {
        int slot = usedSlots[i];
        float count = counts[slot];
        if (count == 0) {
          seenDamped[i] = 0;
          continue;
        }
        double damped = damp(count);
        float weight = weights[keys[slot]];
        float dampedFloat = (float) damped;
        seenWeight[i] = weight;
        seenDamped[i] = count < 0 ? -dampedFloat : dampedFloat;
        floatSquares += dampedFloat * dampedFloat;
        squares += damped * damped;
        sum += (count < 0 ? -damped : damped) * weight;
      }
      seenFor = weights;
      seenFloatSquares = floatSquares;
      return squares > 0 ? sum / Math.sqrt(squares) : 0;
    }

    /**
     * The {@code top} largest products of {@link #toVector}'s entries with the weights, named: the
     * same float arithmetic as toVector then {@code weights[index] * value}, entries in the same order.
     */
    List<WeightedFeature> strongest(float[] weights, int top, int mask) {
      if (seenFor != weights) {
        dot(weights);
      }
      // the weights and damped entries the dot product just read, in entry order: read again from
      // these short arrays rather than from the weights' megabytes and the damping table
      double squares = seenFloatSquares;
      float inverseNorm = squares > 0 ? (float) (1 / Math.sqrt(squares)) : 1f;
      int wanted = Math.max(0, top);
      int[] chosen = new int[wanted];
      double[] chosenValue = new double[wanted];
      int kept = 0;
      for (int i = 0; i < size; i++) {
        float value = seenDamped[i];
        if (value == 0) {
          continue;
        }
        if (squares > 0) {
          value *= inverseNorm;
        }
        double contribution = seenWeight[i] * value;
        if (kept == wanted && (wanted == 0 || Double.compare(contribution, chosenValue[kept - 1]) <= 0)) {
          continue;
        }
        // an entry goes ahead only of strictly smaller ones, so the earlier wins a tie
        int at = kept < wanted ? kept : wanted - 1;
        while (at > 0 && Double.compare(contribution, chosenValue[at - 1]) > 0) {
          chosen[at] = chosen[at - 1];
          chosenValue[at] = chosenValue[at - 1];
          at--;
        }
        chosen[at] = usedSlots[i];
        chosenValue[at] = contribution;
        kept = Math.min(wanted, kept + 1);
      }
      List<WeightedFeature> strongest = new ArrayList<>(kept);
      for (int k = 0; k < kept; k++) {
        strongest.add(new WeightedFeature(firstFeature(chosen[k], mask), chosenValue[k]));
      }
      return List.copyOf(strongest);
    }

    /** The first feature that reached the slot, named. */
    private NamedFeature firstFeature(int slot, int mask) {
      int index = keys[slot];
      NamedFeature.Kind kind = KINDS[firstKindAndSign[slot] & 3];
      int sign = (firstKindAndSign[slot] & NEGATIVE) != 0 ? -1 : 1;
      if (kind != NamedFeature.Kind.CHARACTERS) {
        return new NamedFeature(kind, new String(text, firstFrom[slot], firstTo[slot] - firstFrom[slot]), index & mask, sign);
      }
      // firstFrom: where the word starts in the text; firstTo: its (capped) length, and the
      // n-gram's start and length in the padded word "<word>"
      int wordStart = firstFrom[slot];
      int wordLength = firstTo[slot] >>> 16;
      int from = (firstTo[slot] >>> 8) & 0xff;
      int n = firstTo[slot] & 0xff;
      char[] gram = new char[n];
      for (int k = 0; k < n; k++) {
        int p = from + k;
        gram[k] = p == 0 ? '<' : p == wordLength + 1 ? '>' : text[wordStart + p - 1];
      }
      return new NamedFeature(kind, new String(gram), index & mask, sign);
    }

    SparseVector toVector() {
      int nonZero = 0;
      for (int i = 0; i < size; i++) {
        if (counts[usedSlots[i]] != 0) {
          nonZero++;
        }
      }
      int[] indices = new int[nonZero];
      float[] values = new float[nonZero];
      double squares = 0;
      int j = 0;
      for (int i = 0; i < size; i++) {
        float count = counts[usedSlots[i]];
        if (count == 0) {
          continue;
        }
        float damped = (float) damp(count);
        indices[j] = keys[usedSlots[i]];
        values[j] = count < 0 ? -damped : damped;
        squares += damped * damped;
        j++;
      }
      if (squares > 0) {
        float inverseNorm = (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < values.length; i++) {
          values[i] *= inverseNorm;
        }
      }
      return new SparseVector(indices, values);
    }
  }
}
