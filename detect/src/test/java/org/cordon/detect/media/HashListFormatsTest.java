package org.cordon.detect.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cordon.core.signal.Tier;
import org.cordon.detect.media.HashListFormats.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every importer meets good and bad lists; every exporter round-trips. Hashes are invented. */
class HashListFormatsTest {
  static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String MD5 = "0123456789abcdef0123456789abcdef";
  static final String SHA = "aa".repeat(32);

  @TempDir Path dir;

  Path file(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, body);
    return p;
  }

  HashListFormats.Imported read(Format format, String body) throws Exception {
    return HashListFormats.read(format, "test", file("in", body), Tier.PROMOTIONAL);
  }

  @Test
  void readsGifctStyleCsvWithTierFromTheLabels() throws Exception {
    var imported = read(Format.GIFCT_CSV, "hash_type,hash,labels\nPDQ," + PDQ.toUpperCase() + ",group:lantern;tier:graphic_violence\nmd5," + MD5 + ",group:lantern\n");
    assertThat(imported.entries()).hasSize(2);
    assertThat(imported.entries().get(0).type()).isEqualTo(HashType.PDQ);
    assertThat(imported.entries().get(0).hash()).isEqualTo(PDQ);
    assertThat(imported.entries().get(0).tier()).isEqualTo(Tier.GRAPHIC_VIOLENCE);
    assertThat(imported.entries().get(1).tier()).as("default tier").isEqualTo(Tier.PROMOTIONAL);
  }

  @Test
  void readsTcapStyleJsonRecordsArrayOrLines() throws Exception {
    var array = read(Format.TCAP_JSON, "[{\"md5\":\"" + MD5 + "\",\"sha256\":\"" + SHA + "\",\"pdq\":\"" + PDQ + "\",\"group\":\"lantern\",\"id\":7}]");
    assertThat(array.entries()).extracting(HashListEntry::type).containsExactly(HashType.SHA256, HashType.MD5, HashType.PDQ);
    assertThat(array.entries()).allSatisfy(e -> assertThat(e.label()).isEqualTo("group:lantern;id:7"));
    var lines = read(Format.TCAP_JSON, "{\"md5\":\"" + MD5 + "\",\"group\":\"a\",\"tier\":\"threat_to_life\"}\n{\"pdq\":\"" + PDQ + "\",\"group\":\"b\"}\n");
    assertThat(lines.entries()).hasSize(2);
    assertThat(lines.entries().getFirst().tier()).isEqualTo(Tier.THREAT_TO_LIFE);
  }

  @Test
  void readsPlainPdqLabelFilesWithOrWithoutAHeader() throws Exception {
    assertThat(read(Format.PDQ_LABEL, PDQ + ",bridge still\n").entries()).singleElement().satisfies(e -> assertThat(e.label()).isEqualTo("bridge still"));
    assertThat(read(Format.PDQ_LABEL, "pdq_hex,label\n" + PDQ + ",bridge still\n").entries()).hasSize(1);
  }

  @Test
  void rejectsBadListsNamingEveryBadRow() throws Exception {
    assertThatThrownBy(() -> read(Format.GIFCT_CSV, "hash_type,hash,labels\npdq,abc,g\ntmk," + PDQ + ",g\nmd5," + "zz".repeat(16) + ",g\nmd5," + MD5 + ",tier:loud\nonly,two\n"))
        .isInstanceOfSatisfying(HashListException.class, e -> assertThat(e.problems()).hasSize(5)
            .anySatisfy(p -> assertThat(p).contains("line 2").contains("64 hex digits"))
            .anySatisfy(p -> assertThat(p).contains("unsupported hash type 'tmk'"))
            .anySatisfy(p -> assertThat(p).contains("non-hex"))
            .anySatisfy(p -> assertThat(p).contains("unknown tier"))
            .anySatisfy(p -> assertThat(p).contains("line 6")));
    assertThatThrownBy(() -> read(Format.GIFCT_CSV, "hash,type\n")).hasMessageContaining("header");
    assertThatThrownBy(() -> read(Format.TCAP_JSON, "[{\"md5\":\"" + MD5 + "\"},")).hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> read(Format.TCAP_JSON, "[{\"group\":\"x\"}, 5, {\"md5\": 12}]"))
        .isInstanceOfSatisfying(HashListException.class, e -> assertThat(e.problems()).hasSize(3));
    assertThatThrownBy(() -> read(Format.PDQ_LABEL, PDQ + "\n" + PDQ.substring(1) + ",x\n")).isInstanceOf(HashListException.class);
    assertThatThrownBy(() -> read(Format.GIFCT_CSV, "hash_type,hash,labels\nmd5," + MD5 + ",\"unclosed\n")).isInstanceOf(HashListException.class);
  }

  @Test
  void duplicateEntriesAreKeptOnceAndCounted() throws Exception {
    var imported = read(Format.PDQ_LABEL, PDQ + ",a\n" + PDQ.toUpperCase() + ",b\n");
    assertThat(imported.entries()).hasSize(1);
    assertThat(imported.duplicatesSkipped()).isEqualTo(1);
  }

  @Test
  void everyFormatRoundTrips() throws Exception {
    var original = read(Format.TCAP_JSON, "[{\"md5\":\"" + MD5 + "\",\"pdq\":\"" + PDQ + "\",\"group\":\"lantern, north\",\"tier\":\"graphic_violence\"}]").entries();
    for (Format format : Format.values()) {
      Path out = dir.resolve("out-" + format.key());
      HashListFormats.write(format, original, out);
      var back = HashListFormats.read(format, "rt", out, Tier.GRAPHIC_VIOLENCE).entries();
      var expected = format == Format.PDQ_LABEL ? original.stream().filter(e -> e.type() == HashType.PDQ).toList() : original;
      assertThat(back).as(format.key()).extracting(HashListEntry::type, HashListEntry::hash, HashListEntry::tier)
          .containsExactlyElementsOf(expected.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.type(), e.hash(), e.tier())).toList());
    }
  }
}
