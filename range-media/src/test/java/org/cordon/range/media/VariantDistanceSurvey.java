package org.cordon.range.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.cordon.detect.media.pdq.DihedralResult;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the PDQ distance distribution per transform category; the numbers in {@link
 * VariantPolicy} come from its output. Disabled unless run with {@code -Dsurvey.seeds=200}:
 * {@code mvn -B -o -q -pl range-media test -Dtest=VariantDistanceSurvey -Dsurvey.seeds=200}.
 */
@EnabledIfSystemProperty(named = "survey.seeds", matches = "\\d+")
class VariantDistanceSurvey {

  private final PdqHasher hasher = new PdqHasher();

  @Test
  void printsDistanceDistributionPerTransformCategory() {
    int seeds = Integer.parseInt(System.getProperty("survey.seeds"));
    Map<String, BiFunction<SplittableRandom, BufferedImage, Transform>> samplers = TransformSamples.byCategory();
    Map<String, List<Integer>> dihedral = new LinkedHashMap<>();
    Map<String, List<Integer>> plain = new LinkedHashMap<>();
    Map<String, List<Integer>> chains = new LinkedHashMap<>();
    List<Integer> qualities = new ArrayList<>();
    List<PdqHash> canonicalHashes = new ArrayList<>();
    for (int seed = 0; seed < seeds; seed++) {
      String outlet = TransformSamples.OUTLETS[seed % TransformSamples.OUTLETS.length];
      BufferedImage canonical = ReleaseImages.canonical(seed, 640, 480, outlet);
      BufferedImage logo = ReleaseImages.logo(seed % 7, outlet);
      var result = hasher.hash(canonical);
      qualities.add(result.quality());
      canonicalHashes.add(result.hash());
      SplittableRandom random = new SplittableRandom(1000 + seed);
      samplers.forEach((category, sampler) -> {
        BufferedImage variant = sampler.apply(random, logo).apply(canonical);
        DihedralResult variantHashes = hasher.hashDihedral(variant);
        dihedral.computeIfAbsent(category, c -> new ArrayList<>()).add(variantHashes.minimumDistance(result.hash()));
        plain.computeIfAbsent(category, c -> new ArrayList<>()).add(variantHashes.original().hash().distance(result.hash()));
      });
      List<Transform> chain = Transforms.randomChain(random, logo);
      int distance = hasher.hashDihedral(Transforms.applyAll(chain, canonical)).minimumDistance(result.hash());
      String promise = VariantPolicy.expectedToMatch(chain) ? "random chain, promised" : "random chain, no promise";
      chains.computeIfAbsent(promise, c -> new ArrayList<>()).add(distance);
      int stated = VariantPolicy.statedMaxDistance(chain);
      if (distance > stated) {
        System.out.println("BROKEN PROMISE seed=" + seed + " chain=" + chain + " distance=" + distance + " stated=" + stated);
      }
    }
    List<Integer> between = new ArrayList<>();
    for (int i = 0; i < canonicalHashes.size(); i++) {
      for (int j = i + 1; j < canonicalHashes.size(); j++) {
        between.add(canonicalHashes.get(i).distance(canonicalHashes.get(j)));
      }
    }
    System.out.printf("%-26s %5s %5s %5s %5s %5s %5s | plain: %5s %5s%n", "category", "n", "min", "p50", "p95", "p99", "max",
        "p50", "max");
    dihedral.forEach((category, distances) -> {
      int[] d = sorted(distances);
      int[] p = sorted(plain.get(category));
      System.out.printf("%-26s %5d %5d %5d %5d %5d %5d | plain: %5d %5d%n", category, d.length, d[0], pct(d, 50), pct(d, 95),
          pct(d, 99), d[d.length - 1], pct(p, 50), p[p.length - 1]);
    });
    chains.forEach((label, distances) -> {
      int[] d = sorted(distances);
      System.out.printf("%-26s %5d %5d %5d %5d %5d %5d%n", label, d.length, d[0], pct(d, 50), pct(d, 95), pct(d, 99), d[d.length - 1]);
    });
    int[] b = sorted(between);
    System.out.printf("%-26s %5d %5d %5d %5d p1=%d p0.1=%d%n", "between releases", b.length, b[0], pct(b, 50), b[b.length - 1],
        pct10(b, 10), pct10(b, 1));
    int[] q = sorted(qualities);
    System.out.printf("%-26s %5d %5d %5d %5d%n", "canonical quality", q.length, q[0], pct(q, 50), q[q.length - 1]);
  }

  private static int[] sorted(List<Integer> values) {
    int[] array = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(array);
    return array;
  }

  private static int pct(int[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
  }

  /** Per-mille percentile, for the low tail of the between-release distribution. */
  private static int pct10(int[] sorted, int perMille) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * perMille / 1000.0) - 1))];
  }
}
