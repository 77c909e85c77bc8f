package org.cordon.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cordon.detect.media.decode.DecodeResult;
import org.cordon.detect.media.decode.SafeImageDecoder;
import org.cordon.detect.media.pdq.PdqHasher;
import org.cordon.range.media.Jpeg;
import org.cordon.range.media.ReleaseImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench pdq}: PDQ hashing of 1-megapixel JPEGs (synthetic release images of the
 * range, re-encoded at quality 0.9), images per second on one core and on all, and the share of the
 * time spent decoding the JPEG rather than hashing its pixels.
 */
@Command(name = "pdq", mixinStandardHelpOptions = true, description = "PDQ hashing throughput on 1-megapixel JPEGs, and the share spent decoding.")
final class PdqBenchmarkCommand implements Callable<Integer> {
  @Option(names = "--images", defaultValue = "200", description = "Distinct images (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--rounds", defaultValue = "3", description = "Timed passes over the images after one warm-up pass (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  static final int WIDTH = 1155;
  static final int HEIGHT = 866; // 1,000,230 pixels

  @Override
  public Integer call() throws Exception {
    List<byte[]> jpegs = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      jpegs.add(Jpeg.encode(ReleaseImages.canonical(1000 + i, WIDTH, HEIGHT, "Bench Outlet"), 0.9f));
    }
    SafeImageDecoder decoder = new SafeImageDecoder();
    PdqHasher hasher = new PdqHasher();
    pass(jpegs, decoder, hasher); // warm-up
    long decodeNanos = 0;
    long hashNanos = 0;
    for (int r = 0; r < rounds; r++) {
      long[] t = pass(jpegs, decoder, hasher);
      decodeNanos += t[0];
      hashNanos += t[1];
    }
    double perCore = (double) images * rounds / ((decodeNanos + hashNanos) / 1e9);
    double decodeShare = (double) decodeNanos / (decodeNanos + hashNanos);
    int cores = Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (byte[] jpeg : jpegs) {
          futures.add(pool.submit(() -> decoder.decode(jpeg) instanceof DecodeResult.Decoded d ? hasher.hash(d.image()) : null));
        }
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    double allCores = (double) images * rounds / ((System.nanoTime() - start) / 1e9);
    if (json) {
      System.out.printf(Locale.ROOT, "{\"benchmark\":\"pdq\",\"megapixels\":%.3f,\"images\":%d,\"rounds\":%d,\"images_per_second_per_core\":%.1f,"
          + "\"images_per_second_all_cores\":%.1f,\"cores\":%d,\"decode_share\":%.3f,\"decode_ms\":%.2f,\"hash_ms\":%.2f}%n",
          WIDTH * HEIGHT / 1e6, images, rounds, perCore, allCores, cores, decodeShare, decodeNanos / 1e6 / (images * rounds), hashNanos / 1e6 / (images * rounds));
    } else {
      new Table("images", "megapixels", "images/s (1 core)", "images/s (" + cores + " cores)", "decode ms", "hash ms", "decoding share")
          .row(images * rounds, String.format(Locale.ROOT, "%.2f", WIDTH * HEIGHT / 1e6), String.format(Locale.ROOT, "%.1f", perCore),
              String.format(Locale.ROOT, "%.1f", allCores), String.format(Locale.ROOT, "%.1f", decodeNanos / 1e6 / (images * rounds)),
              String.format(Locale.ROOT, "%.1f", hashNanos / 1e6 / (images * rounds)), String.format(Locale.ROOT, "%.0f%%", 100 * decodeShare))
          .print(System.out);
    }
    return 0;
  }

  /** One single-threaded pass: nanoseconds decoding, nanoseconds hashing. */
  private static long[] pass(List<byte[]> jpegs, SafeImageDecoder decoder, PdqHasher hasher) {
    long decode = 0;
    long hash = 0;
    for (byte[] jpeg : jpegs) {
      long a = System.nanoTime();
      DecodeResult result = decoder.decode(jpeg);
      long b = System.nanoTime();
      if (result instanceof DecodeResult.Decoded d) {
        hasher.hash(d.image());
      }
      hash += System.nanoTime() - b;
      decode += b - a;
    }
    return new long[] {decode, hash};
  }
}
