package org.cordon.detect.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashListTest {
  static final String SHA = "a".repeat(64);
  static final String MD5 = "b".repeat(32);
  static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @TempDir Path directory;

  private Path write(String text) throws Exception {
    return Files.writeString(directory.resolve("list.csv"), text);
  }

  @Test
  void loadsEveryTypeLowercasesHashesAndParsesTiers() throws Exception {
    Path file = write("""
        hash_type,hash,label,tier
        sha256,%s,"release 1, still",official_propaganda
        MD5,%s,release 2,promotional
        pdq,%s,bridge still,threat_to_life
        """.formatted(SHA.toUpperCase(java.util.Locale.ROOT), MD5, PDQ));

    HashList list = HashList.load("range-releases", file);

    assertThat(list.name()).isEqualTo("range-releases");
    assertThat(list.entries()).containsExactly(
        new HashListEntry(HashType.SHA256, SHA, "release 1, still", Tier.OFFICIAL_PROPAGANDA, 2),
        new HashListEntry(HashType.MD5, MD5, "release 2", Tier.PROMOTIONAL, 3),
        new HashListEntry(HashType.PDQ, PDQ, "bridge still", Tier.THREAT_TO_LIFE, 4));
    assertThat(list.duplicatesSkipped()).isZero();
  }

  @Test
  void skipsAndCountsDuplicateEntries() throws Exception {
    Path file = write("""
        hash_type,hash,label,tier
        md5,%s,first,promotional
        md5,%s,second name for the same file,promotional
        sha256,%s,other,promotional
        """.formatted(MD5, MD5.toUpperCase(java.util.Locale.ROOT), SHA));

    HashList list = HashList.load("l", file);

    assertThat(list.entries()).extracting(HashListEntry::label).containsExactly("first", "other");
    assertThat(list.duplicatesSkipped()).isEqualTo(1);
  }

  @Test
  void rejectsWrongLengthHashNamingTheLine() throws Exception {
    Path file = write("hash_type,hash,label,tier\nsha256," + SHA + ",ok,promotional\nmd5," + SHA + ",long,promotional\n");

    assertThatThrownBy(() -> HashList.load("l", file))
        .isInstanceOf(HashListException.class)
        .hasMessageContaining("line 3: a md5 hash is 32 hex digits, this one has 64");
  }

  @Test
  void rejectsNonHexHashNamingTheLineAndCharacter() throws Exception {
    Path file = write("hash_type,hash,label,tier\npdq," + "z" + PDQ.substring(1) + ",x,promotional\n");

    assertThatThrownBy(() -> HashList.load("l", file))
        .hasMessageContaining("line 2: the hash has a non-hex character 'z' at position 1");
  }

  @Test
  void rejectsUnknownHashType() throws Exception {
    Path file = write("hash_type,hash,label,tier\nsha1," + "c".repeat(40) + ",x,promotional\n");

    assertThatThrownBy(() -> HashList.load("l", file)).hasMessageContaining("line 2: unknown hash type 'sha1'");
  }

  @Test
  void rejectsUnknownTier() throws Exception {
    Path file = write("hash_type,hash,label,tier\nmd5," + MD5 + ",x,very bad\n");

    assertThatThrownBy(() -> HashList.load("l", file)).hasMessageContaining("line 2: unknown tier 'very bad'");
  }

  @Test
  void listsEveryBadRowAndTheWrongFieldCount() throws Exception {
    Path file = write("hash_type,hash,label,tier\nmd5,abc,x,promotional\n\nmd5," + MD5 + ",x\nmd5," + MD5 + ",,promotional\n");

    assertThatThrownBy(() -> HashList.load("l", file))
        .isInstanceOfSatisfying(HashListException.class, e -> assertThat(e.problems())
            .hasSize(3)
            .anySatisfy(p -> assertThat(p).startsWith("line 2:"))
            .anySatisfy(p -> assertThat(p).startsWith("line 4: expected 4 fields"))
            .anySatisfy(p -> assertThat(p).startsWith("line 5: the label is empty")));
  }

  @Test
  void rejectsAFileWithoutTheHeader() throws Exception {
    Path file = write("md5," + MD5 + ",x,promotional\n");

    assertThatThrownBy(() -> HashList.load("l", file)).hasMessageContaining("line 1: the header must be");
  }
}
