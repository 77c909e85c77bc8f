package org.cordon.app.cli;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cordon.detect.media.decode.DecodeResult;
import org.cordon.detect.media.decode.SafeImageDecoder;
import org.cordon.detect.media.pdq.DihedralResult;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cordon eval media --world DIR}: how well PDQ at a radius finds the range's transformed
 * release images, per transformation, against a list of the releases' canonical images; and how
 * often it matches the wrong release, or an image that is no release at all (the outlets' logos).
 * Two matchers: the plain hash (what the known-media detector compares today) and the minimum over
 * the variant's eight dihedral hashes (rotations and mirrors).
 */
@Command(name = "media", mixinStandardHelpOptions = true,
    description = "PDQ recall per transformation and false-match rate on a range world's media (world generated with media).")
final class MediaEvaluationCommand implements Callable<Integer> {
  @Option(names = "--world", required = true, paramLabel = "DIR", description = "A world from 'cordon range generate' (media thumbs or full).")
  Path world;

  @Option(names = "--radius", defaultValue = "31", description = "Match radius in bits (default: ${DEFAULT-VALUE}).")
  int radius;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  private final SafeImageDecoder decoder = new SafeImageDecoder();
  private final PdqHasher hasher = new PdqHasher();

  record Canonical(String mediaId, String release, PdqHash hash) {}

  /** Counts for one transformation (a variant counts under each transformation it went through). */
  static final class Tally {
    long variants;
    long matchedPlain;
    long matchedDihedral;
    long promised;
    long promisedMatched;
    long wrongRelease;
  }

  @Override
  public Integer call() throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    List<Canonical> canonicals = new ArrayList<>();
    Map<String, String> releaseOfCanonical = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(world.resolve("truth/releases.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode release = mapper.readTree(line);
        for (JsonNode m : release.path("canonical_media")) {
          Optional<DihedralResult> h = hash(world.resolve(m.get("path").asString()));
          if (h.isPresent()) {
            canonicals.add(new Canonical(m.get("media_id").asString(), release.get("release_id").asString(), h.get().original().hash()));
            releaseOfCanonical.put(m.get("media_id").asString(), release.get("release_id").asString());
          }
        }
      }
    }
    if (canonicals.isEmpty()) {
      System.err.println("cordon eval media: the world has no release images; generate it with --media thumbs or full");
      return 2;
    }
    Map<String, Tally> byTransform = new TreeMap<>();
    Tally all = new Tally();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(world.resolve("truth/posts.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        for (JsonNode m : mapper.readTree(line).path("media")) {
          JsonNode transforms = m.path("transforms");
          if (transforms.isEmpty() || !seen.add(m.get("path").asString())) {
            continue; // canonical copies, and the same file posted again, say nothing new
          }
          Optional<DihedralResult> variant = hash(world.resolve(m.get("path").asString()));
          if (variant.isEmpty()) {
            continue;
          }
          String ownRelease = releaseOfCanonical.get(m.path("canonical_media_id").asString(""));
          boolean plain = false;
          boolean dihedral = false;
          boolean wrong = false;
          for (Canonical c : canonicals) {
            boolean own = c.release().equals(ownRelease);
            boolean p = variant.get().original().hash().distance(c.hash()) <= radius;
            boolean d = variant.get().minimumDistance(c.hash()) <= radius;
            if (own) {
              plain |= p;
              dihedral |= d;
            } else if (d) {
              wrong = true;
            }
          }
          boolean promised = m.path("expected_to_match").asBoolean(false);
          List<Tally> tallies = new ArrayList<>(List.of(all));
          for (JsonNode t : transforms) {
            tallies.add(byTransform.computeIfAbsent(t.asString(), k -> new Tally()));
          }
          for (Tally t : tallies) {
            t.variants++;
            t.matchedPlain += plain ? 1 : 0;
            t.matchedDihedral += dihedral ? 1 : 0;
            t.promised += promised ? 1 : 0;
            t.promisedMatched += promised && dihedral ? 1 : 0;
            t.wrongRelease += wrong ? 1 : 0;
          }
        }
      }
    }
    long others = 0;
    long othersMatched = 0;
    Path outlets = world.resolve("media/outlets");
    if (Files.isDirectory(outlets)) {
      try (Stream<Path> files = Files.walk(outlets)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          Optional<DihedralResult> h = hash(file);
          if (h.isPresent()) {
            others++;
            othersMatched += canonicals.stream().anyMatch(c -> h.get().minimumDistance(c.hash()) <= radius) ? 1 : 0;
          }
        }
      }
    }
    print(canonicals.size(), all, byTransform, others, othersMatched);
    return 0;
  }

  private Optional<DihedralResult> hash(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (decoder.decode(file) instanceof DecodeResult.Decoded d) {
      return Optional.of(hasher.hashDihedral(d.image()));
    }
    return Optional.empty();
  }

  private void print(int canonicals, Tally all, Map<String, Tally> byTransform, long others, long othersMatched) {
    if (json) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
          "{\"evaluation\":\"media\",\"radius\":%d,\"canonical_images\":%d,\"variants\":%d,\"recall_plain\":%.4f,\"recall_dihedral\":%.4f,"
              + "\"recall_where_promised\":%.4f,\"wrong_release_rate\":%.4f,\"non_release_images\":%d,\"non_release_false_match_rate\":%.4f,\"transforms\":{",
          radius, canonicals, all.variants, ratio(all.matchedPlain, all.variants), ratio(all.matchedDihedral, all.variants),
          ratio(all.promisedMatched, all.promised), ratio(all.wrongRelease, all.variants), others, ratio(othersMatched, others)));
      int i = 0;
      for (var e : byTransform.entrySet()) {
        Tally t = e.getValue();
        b.append(i++ > 0 ? "," : "").append(String.format(Locale.ROOT,
            "\"%s\":{\"variants\":%d,\"recall_plain\":%.4f,\"recall_dihedral\":%.4f,\"recall_where_promised\":%.4f,\"wrong_release_rate\":%.4f}",
            e.getKey(), t.variants, ratio(t.matchedPlain, t.variants), ratio(t.matchedDihedral, t.variants), ratio(t.promisedMatched, t.promised),
            ratio(t.wrongRelease, t.variants)));
      }
      System.out.println(b.append("}}"));
      return;
    }
    Table t = new Table("transformation", "variants", "recall (plain)", "recall (dihedral)", "promised", "recall where promised", "wrong release");
    for (var e : byTransform.entrySet()) {
      row(t, e.getKey(), e.getValue());
    }
    row(t, "all variants", all);
    t.print(System.out);
    System.out.printf(Locale.ROOT, "%d canonical release images listed; radius %d. Non-release images (outlet logos): %d, matched a release: %d (%.2f%%).%n",
        canonicals, radius, others, othersMatched, 100 * ratio(othersMatched, others));
    System.out.println("A variant counts under every transformation it went through; 'promised' are those the range states within the radius.");
  }

  private static void row(Table t, String name, Tally x) {
    t.row(name, x.variants, pct(x.matchedPlain, x.variants), pct(x.matchedDihedral, x.variants), x.promised, pct(x.promisedMatched, x.promised),
        pct(x.wrongRelease, x.variants));
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static String pct(long a, long b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * a / b);
  }
}
