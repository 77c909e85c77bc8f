package org.cordon.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureHasherTest {
  private final FeatureHasher hasher = new FeatureHasher(FeatureConfig.DEFAULT, TextNormalisers.nfkcLowercase());

  @Test
  void givesUnitLengthVectorsWithDistinctIndicesInsideTheSpace() {
    long seed = 99;
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < random.nextInt(60); j++) {
        text.appendCodePoint(random.nextInt(4) == 0 ? ' ' : 0x20 + random.nextInt(0x3000));
      }
      SparseVector x = hasher.features(text.toString());
      double norm = 0;
      for (float v : x.values()) {
        norm += v * v;
      }
      assertThat(x.size() == 0 || Math.abs(norm - 1) < 1e-4).as("unit norm, seed " + seed + " text " + text).isTrue();
      assertThat(Arrays.stream(x.indices()).distinct().count()).isEqualTo(x.size());
      assertThat(Arrays.stream(x.indices()).allMatch(k -> k >= 0 && k < FeatureConfig.DEFAULT.dimensions())).isTrue();
    }
  }

  @Test
  void scoringThenNamingTheStrongestGivesWhatTheVectorAndReadingTheTextAgainGive() {
    long seed = 321;
    Random random = new Random(seed);
    // a small hashed space too, so that buckets are shared and the first feature is the one named
    FeatureHasher crowded = new FeatureHasher(FeatureConfig.DEFAULT.withBucketsLog2(16), TextNormalisers.nfkcLowercase());
    String longWord = "Lanternlight".repeat(6);
    for (FeatureHasher h : new FeatureHasher[] {hasher, crowded}) {
      float[] weights = new float[h.config().dimensions()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = (float) random.nextGaussian();
      }
      for (String text : new String[] {"", "glory to the pale lantern, the pale lantern", "المَجد للفانوس", "a b a b a b", "x".repeat(300),
          longWord + " " + longWord, "😀 emoji 😀 and ÉCOLE"}) {
        FeatureHasher.Scored wanted = h.dotThenStrongest(text, weights, dot -> true, 7);
        assertThat(wanted.dot()).as("seed %d, text %s", seed, text).isEqualTo(h.dot(text, weights));
        assertThat(wanted.strongest()).as("seed %d, text %s", seed, text).hasValue(strongestByTheVector(h, text, weights, 7));
        assertThat(h.dotThenStrongest(text, weights, dot -> false, 7).strongest()).isEmpty();
      }
    }
  }

  /** The reference: the whole vector, a stable sort of the products, and the text read again to name the buckets. */
  private static List<FeatureHasher.WeightedFeature> strongestByTheVector(FeatureHasher h, String text, float[] weights, int top) {
    SparseVector x = h.features(text);
    List<Integer> entries = new java.util.ArrayList<>();
    for (int j = 0; j < x.size(); j++) {
      entries.add(j);
    }
    entries.sort((a, b) -> Double.compare((double) (weights[x.indices()[b]] * x.values()[b]), (double) (weights[x.indices()[a]] * x.values()[a])));
    List<Integer> chosen = entries.subList(0, Math.min(top, entries.size()));
    int[] buckets = chosen.stream().mapToInt(j -> x.indices()[j]).toArray();
    java.util.Map<Integer, NamedFeature> names = new java.util.HashMap<>();
    h.firstNamedFeatures(text, buckets).forEach(f -> names.put(f.index(), f));
    return chosen.stream().map(j -> new FeatureHasher.WeightedFeature(names.get(x.indices()[j]), weights[x.indices()[j]] * x.values()[j])).toList();
  }

  @Test
  void theScoringFastPathEqualsTheDotProductOfTheVector() {
    long seed = 123;
    Random random = new Random(seed);
    float[] weights = new float[FeatureConfig.DEFAULT.dimensions()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    for (String text : new String[] {"glory glory glory to the pale lantern", "تقرير الشرطة", "", "a", "слава бледному фонарю ".repeat(80)}) {
      assertThat(hasher.dot(text, weights)).as("seed " + seed + ": " + text).isCloseTo(hasher.features(text).dot(weights), org.assertj.core.api.Assertions.within(1e-4));
    }
  }

  @Test
  void isAPureFunctionOfTheNormalisedText() {
    SparseVector a = hasher.features("Glory to the PALE Lantern");
    SparseVector b = hasher.features("glory to the pale lantern");
    assertThat(sorted(a)).isEqualTo(sorted(b));
    assertThat(hasher.features("ｇｌｏｒｙ").indices()).as("NFKC folds full-width forms")
        .containsExactlyInAnyOrder(hasher.features("glory").indices());
  }

  @Test
  void keepsArabicWordsWithDiacriticsWholeAndNamesFeatures() {
    assertThat(hasher.namedFeatures("المَجد للفانوس")).filteredOn(f -> f.kind() == NamedFeature.Kind.WORD)
        .extracting(NamedFeature::text).containsExactly("المَجد", "للفانوس");
    assertThat(hasher.namedFeatures("pale lantern")).filteredOn(f -> f.kind() == NamedFeature.Kind.WORD_BIGRAM)
        .extracting(NamedFeature::text).containsExactly("pale lantern");
    assertThat(hasher.namedFeatures("ab")).filteredOn(f -> f.kind() == NamedFeature.Kind.CHARACTERS)
        .extracting(NamedFeature::text).contains("<a", "ab", "b>", "<ab", "<ab>");
  }

  @Test
  void usesAnInjectedNormaliser() {
    FeatureHasher stripping = new FeatureHasher(FeatureConfig.DEFAULT, s -> s.replace("\u200B", "").toLowerCase(java.util.Locale.ROOT));
    assertThat(sorted(stripping.features("pa\u200Ble lan\u200Btern"))).isEqualTo(sorted(stripping.features("pale lantern")));
  }

  @Test
  void boundsTheWorkOnAHugeText() {
    String huge = "lantern ".repeat(1_000_000);
    SparseVector x = hasher.features(huge);
    assertThat(x.size()).isLessThan(100);
    Set<Integer> seen = new HashSet<>();
    for (int i : x.indices()) {
      assertThat(seen.add(i)).isTrue();
    }
  }

  private static String sorted(SparseVector x) {
    Integer[] order = new Integer[x.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Integer.compare(x.indices()[p], x.indices()[q]));
    StringBuilder out = new StringBuilder();
    for (int i : order) {
      out.append(x.indices()[i]).append(':').append(x.values()[i]).append(' ');
    }
    return out.toString();
  }
}
