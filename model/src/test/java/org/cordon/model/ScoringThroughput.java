package org.cordon.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.model.classifier.TextClassifier;
import org.cordon.model.classifier.Trainer;
import org.cordon.model.classifier.TrainingOptions;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledExample;
import org.cordon.model.features.TextNormalisers;

/**
 * Not a test: a manual measurement of single-thread scoring speed on short posts.
 * Run: java -cp target/classes:target/test-classes:DEPS org.cordon.model.ScoringThroughput [posts]
 */
public final class ScoringThroughput {
  private ScoringThroughput() {}

  public static void main(String[] args) {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = 77;
    TextClassifier classifier = new Trainer(TrainingOptions.DEFAULT.withSeed(seed), TextNormalisers.nfkcLowercase())
        .train(LabelledData.of("synthetic", SyntheticPosts.examples(5000, seed)), Optional.empty(), Instant.EPOCH).classifier();
    List<String> texts = SyntheticPosts.examples(10_000, seed + 1).stream().map(LabelledExample::text).toList();
    double averageLength = texts.stream().mapToInt(String::length).average().orElse(0);
    double sink = 0;
    for (int i = 0; i < 200_000; i++) { // warm-up
      sink += classifier.positiveProbability(texts.get(i % texts.size()));
    }
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < posts; i++) {
      sink += classifier.positiveProbability(texts.get(i % texts.size()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf("scored %d posts (mean %.0f chars) in %.2f s wall, %.2f s CPU: %.0f posts/s wall, %.0f posts/s per CPU-second,"
        + " single thread (checksum %.3f)%n", posts, averageLength, seconds, cpuSeconds, posts / seconds, posts / cpuSeconds, sink);
  }
}
