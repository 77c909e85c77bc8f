package org.cordon.app.demo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.detect.media.MediaFingerprinter;
import org.cordon.range.world.Vocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a unit would load before watching the range's world: a lexicon of the fictional
 * organisation's vocabulary, and a known-media hash list of its releases' canonical images (as
 * industry hash-sharing lists hold the hashes of known releases). Written into the data directory
 * in the formats any deployment uses: {@code lexicon.csv} and {@code hashlists/range-releases.csv}.
 */
public final class AnalystKit {
  private AnalystKit() {}

  public record Kit(int lexiconTerms, int hashes, int canonicalImages, int urls, int statements) {}

  public static Kit write(Path world, Path dataDirectory) throws IOException {
    int terms = 0;
    try (BufferedWriter w = Files.newBufferedWriter(dataDirectory.resolve("lexicon.csv"), StandardCharsets.UTF_8)) {
      w.write("term,language,weight,tier\n");
      for (Vocabulary.Term t : Vocabulary.lexicon()) {
        w.write(csv(t.term()) + "," + t.language() + "," + t.weight() + "," + t.tier() + "\n");
        terms++;
      }
    }
    Files.createDirectories(dataDirectory.resolve("hashlists"));
    Files.createDirectories(dataDirectory.resolve("urllists"));
    int urls = 0;
    MediaFingerprinter fingerprinter = new MediaFingerprinter();
    JsonMapper json = JsonMapper.builder().build();
    int hashes = 0;
    int images = 0;
    Set<String> written = new HashSet<>();
    try (BufferedReader releases = Files.newBufferedReader(world.resolve("truth/releases.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(dataDirectory.resolve("hashlists/range-releases.csv"), StandardCharsets.UTF_8);
        BufferedWriter u = Files.newBufferedWriter(dataDirectory.resolve("urllists/range-releases.csv"), StandardCharsets.UTF_8)) {
      w.write("hash_type,hash,label,tier\n");
      u.write("url,label,tier\n");
      for (String line; (line = releases.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode release = json.readTree(line);
        String label = release.get("release_id").asString() + " (" + release.get("outlet").asString() + ")";
        String tier = release.get("tier").asString();
        // The paste and file links each release is shared with, as link lists hold them.
        for (String field : new String[] {"paste_url", "file_url"}) {
          JsonNode link = release.get(field);
          if (link != null && link.isString() && !link.asString().isBlank()) {
            u.write(csv(link.asString()) + "," + csv(label) + "," + tier.toLowerCase(Locale.ROOT) + "\n");
            urls++;
          }
        }
        for (JsonNode media : release.path("canonical_media")) {
          Path file = world.resolve(media.get("path").asString());
          if (!Files.isRegularFile(file)) {
            continue;
          }
          images++;
          MediaFingerprint fp = fingerprinter.fingerprint(new MediaKey(new Platform("range"), media.get("media_id").asString()), Files.readAllBytes(file));
          for (String type : new String[] {MediaFingerprint.SHA256, MediaFingerprint.MD5, MediaFingerprint.PDQ}) {
            String hash = fp.hash(type).orElse(null);
            if (hash != null && written.add(type + ":" + hash)) {
              w.write(type + "," + hash + "," + csv(label) + "," + tier.toLowerCase(Locale.ROOT) + "\n");
              hashes++;
            }
          }
        }
      }
    }
    return new Kit(terms, hashes, images, urls, writeStatements(world, dataDirectory, json));
  }

  /**
   * The organisation's published statements as a statement list ({@code statements/range-statements.csv}),
   * as a unit keeps the texts of known statements to find their re-posts. Worlds from before
   * statements existed have none.
   */
  private static int writeStatements(Path world, Path dataDirectory, JsonMapper json) throws IOException {
    Path truth = world.resolve("truth/statements.jsonl");
    if (!Files.isRegularFile(truth)) {
      return 0;
    }
    Files.createDirectories(dataDirectory.resolve("statements"));
    int count = 0;
    try (BufferedReader r = Files.newBufferedReader(truth, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(dataDirectory.resolve("statements/range-statements.csv"), StandardCharsets.UTF_8)) {
      w.write("text,label,tier\n");
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode s = json.readTree(line);
        w.write(quoted(s.get("text").asString()) + "," + csv(s.get("statement_id").asString() + " (" + s.get("outlet").asString() + ")")
            + ",official_propaganda\n");
        count++;
      }
    }
    return count;
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
