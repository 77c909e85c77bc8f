package org.cordon.range.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How distances of chains of individually promised steps combine, to choose the chain rule of
 * {@link VariantPolicy}. Disabled unless run with {@code -Dchains.seeds=200}.
 */
@EnabledIfSystemProperty(named = "chains.seeds", matches = "\\d+")
class ChainCombinationSurvey {

  @Test
  void printsChainDistanceAgainstStepBounds() {
    int seeds = Integer.parseInt(System.getProperty("chains.seeds"));
    PdqHasher hasher = new PdqHasher();
    List<String> lines = new ArrayList<>();
    int worstOverMax = Integer.MIN_VALUE;
    for (int seed = 0; seed < seeds; seed++) {
      String outlet = TransformSamples.OUTLETS[seed % TransformSamples.OUTLETS.length];
      BufferedImage canonical = ReleaseImages.canonical(seed, 640, 480, outlet);
      BufferedImage logo = ReleaseImages.logo(seed % 7, outlet);
      PdqHash hash = hasher.hash(canonical).hash();
      SplittableRandom random = new SplittableRandom(5000 + seed);
      List<Transform> chain = new ArrayList<>();
      int length = 2 + random.nextInt(2);
      while (chain.size() < length) {
        Transform step = Transforms.randomStep(random, logo);
        if (VariantPolicy.statedMaxDistance(step) <= VariantPolicy.MATCH_THRESHOLD) {
          chain.add(step);
        }
      }
      int distance = hasher.hashDihedral(Transforms.applyAll(chain, canonical)).minimumDistance(hash);
      int max = chain.stream().mapToInt(VariantPolicy::statedMaxDistance).max().orElseThrow();
      int sum = chain.stream().mapToInt(VariantPolicy::statedMaxDistance).sum();
      worstOverMax = Math.max(worstOverMax, distance - max);
      lines.add(String.format("seed=%d distance=%d maxStep=%d sum=%d chainStated=%d %s", seed, distance, max, sum,
          VariantPolicy.statedMaxDistance(chain), chain.stream().map(VariantPolicy::category).toList()));
    }
    lines.stream().sorted().forEach(System.out::println);
    System.out.println("worst distance minus largest step bound: " + worstOverMax);
  }
}
