package org.cordon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cordon.core.signal.Detector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a deployment drops into its data directory is what runs: lexicon, hash, URL and statement lists. */
class DetectorsFromDataDirectoryTest {
  @TempDir Path data;

  @Test
  void everyKindOfListInTheDataDirectoryBecomesADetector() throws Exception {
    Files.writeString(data.resolve("lexicon.csv"), "term,language,weight,tier\nlanternfront,en,0.6,promotional\n");
    Files.createDirectories(data.resolve("hashlists"));
    Files.writeString(data.resolve("hashlists/known.csv"), "hash_type,hash,label,tier\nmd5,0123456789abcdef0123456789abcdef,x,promotional\n");
    Files.createDirectories(data.resolve("urllists"));
    Files.writeString(data.resolve("urllists/links.csv"), "url,label,tier\nhttps://paste.example/a,x,promotional\n");
    Files.createDirectories(data.resolve("statements"));
    Files.writeString(data.resolve("statements/known.csv"), "text,label,tier\n\"a placeholder statement long enough to be told apart\",s,promotional\n");

    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data))) {
      assertThat(runtime.detectors()).extracting(Detector::name).containsExactly("lexicon", "media-hash", "url-list", "text-near-duplicate");
    }
  }

  @Test
  void theStatementThresholdIsTheDeploymentsToSet() throws Exception {
    assertThat(CordonRuntime.statementThreshold(Settings.embedded(data))).isEqualTo(org.cordon.detect.text.KnownTextDetector.DEFAULT_THRESHOLD);
    Files.writeString(data.resolve("detection.properties"), "statements.threshold = 0.45\n");
    assertThat(CordonRuntime.statementThreshold(Settings.embedded(data))).isEqualTo(0.45);
    Files.writeString(data.resolve("detection.properties"), "statements.threshold = 1.5\n");
    assertThatThrownBy(() -> CordonRuntime.statementThreshold(Settings.embedded(data))).hasMessageContaining("statements.threshold");
    Files.writeString(data.resolve("detection.properties"), "statements.threshold = lots\n");
    assertThatThrownBy(() -> CordonRuntime.statementThreshold(Settings.embedded(data))).hasMessageContaining("not lots");
  }

  @Test
  void aBadListStopsStartUpNamingTheLine() throws Exception {
    Files.createDirectories(data.resolve("urllists"));
    Files.writeString(data.resolve("urllists/links.csv"), "url,label,tier\nhttps://ok.example/,x,promotional\njavascript:alert(1),x,promotional\n");
    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data))) {
      assertThatThrownBy(runtime::detectors).hasMessageContaining("line 3");
    }
  }
}
