package org.cordon.text.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconFormatTest {
  private static final String FULL_CSV = """
      kind,term,language,weight,tier,source,added_by,added_at,note
      phrase,Pale Lantern Order,en,0.45,official_propaganda,unit list 3,analyst-7,2026-11-01T09:00:00Z,"the group's name, in English"
      phrase,الفانوس الشاحب,ar,0.45,official_propaganda,unit list 3,analyst-7,2026-11-01,
      term,"#PaleLanternOrder",*,0.3,,,,,a hashtag term must be quoted
      pattern,lantern\\s+light\\s+m[e3]dia,*,0.25,promotional,,,,
      """;

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> problems(Runnable read) {
    try {
      read.run();
    } catch (LexiconException e) {
      return e.problems().stream().map(LexiconProblem::toString).toList();
    }
    throw new AssertionError("the lexicon was accepted");
  }

  @Test
  void readsTheFullCsvFormat() {
    Lexicon lexicon = LexiconFormat.readCsv("demo", utf8(FULL_CSV));

    assertThat(lexicon.size()).isEqualTo(4);
    assertThat(lexicon.version()).isEqualTo(1);
    LexiconEntry english = lexicon.find(EntryKey.of(EntryKind.PHRASE, "pale lantern order", "en")).orElseThrow();
    assertThat(english.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
    assertThat(english.provenance().source()).contains("unit list 3");
    assertThat(english.provenance().addedBy()).contains("analyst-7");
    assertThat(english.provenance().addedAt()).contains(Instant.parse("2026-11-01T09:00:00Z"));
    assertThat(english.note()).contains("the group's name, in English");
    LexiconEntry arabic = lexicon.find(EntryKey.of(EntryKind.PHRASE, "الفانوس الشاحب", "ar")).orElseThrow();
    assertThat(arabic.provenance().addedAt()).contains(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(arabic.note()).isEmpty();
    assertThat(lexicon.find(EntryKey.of(EntryKind.TERM, "#PaleLanternOrder", "*")).orElseThrow().tier()).isEmpty();
  }

  @Test
  void readsTheOlderFourColumnFileOfTheDetectModule() {
    String older = """
        # the demo lexicon
        term,language,weight,tier
        Pale Lantern Order,en,0.45,official_propaganda
        جماعة الفانوس الشاحب,ar,0.45,official_propaganda

        Lantern Light Media,en,0.3,official_propaganda
        """;
    Lexicon lexicon = LexiconFormat.readCsv("demo", utf8(older));

    assertThat(lexicon.entries()).extracting(LexiconEntry::term)
        .containsExactlyInAnyOrder("Pale Lantern Order", "جماعة الفانوس الشاحب", "Lantern Light Media");
    assertThat(lexicon.entries()).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.PHRASE);
      assertThat(e.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
      assertThat(e.provenance()).isEqualTo(EntryProvenance.UNKNOWN);
    });
  }

  @Test
  void csvExportReadsBackToTheSameLexiconAndDigest() {
    Lexicon lexicon = LexiconFormat.readCsv("demo", utf8(FULL_CSV));

    byte[] exported = LexiconFormat.writeCsv(lexicon);
    Lexicon again = LexiconFormat.readCsv("demo", exported);

    assertThat(again.entries()).isEqualTo(lexicon.entries());
    assertThat(again.digest()).isEqualTo(lexicon.digest());
    assertThat(new String(exported, StandardCharsets.UTF_8)).startsWith(LexiconFormat.CSV_HEADER + "\n");
  }

  @Test
  void jsonExportReadsBackWithNameVersionAndDigest() {
    Lexicon lexicon = LexiconFormat.readCsv("demo", utf8(FULL_CSV))
        .apply(new LexiconChange.Add(LexiconEntry.literal("Lantern Light Media", "en", 0.3)));

    Lexicon again = LexiconFormat.readJson("ignored", LexiconFormat.writeJson(lexicon));

    assertThat(again.name()).isEqualTo("demo");
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.entries()).isEqualTo(lexicon.entries());
    assertThat(again.digest()).isEqualTo(lexicon.digest());
  }

  @Test
  void theDigestDependsOnContentNotOnOrderNameOrVersion() {
    LexiconEntry a = LexiconEntry.literal("Pale Lantern Order", "en", 0.4);
    LexiconEntry b = LexiconEntry.literal("Lantern Light Media", "en", 0.3);

    Lexicon one = Lexicon.of("one", 1, List.of(a, b));
    Lexicon two = Lexicon.of("two", 5, List.of(b, a));
    Lexicon other = Lexicon.of("one", 1, List.of(a, b.withNote("changed")));

    assertThat(two.digest()).isEqualTo(one.digest());
    assertThat(other.digest()).isNotEqualTo(one.digest());
  }

  @Test
  void reportsEveryBadRowWithItsLine() {
    String bad = """
        kind,term,language,weight,tier,source,added_by,added_at,note
        phrase,Pale Lantern Order,en,heavy,,,,,
        phrase,Lantern Light Media,en,1.5,,,,,
        term,lantern,en,0.2,mythical,,,,
        pattern,(unclosed,*,0.2,,,,,
        pattern,x*,*,0.2,,,,,
        term,lantern,en,0.2,,,,yesterday,
        sigil,lantern,en,0.2,,,,,
        term,lantern,en english,0.2,,,,,
        term,,en,0.2,,,,,
        term,too,few
        """;
    List<String> problems = problems(() -> LexiconFormat.readCsv("bad", utf8(bad)));

    assertThat(problems).hasSize(10);
    assertThat(problems.get(0)).startsWith("line 2:").contains("'heavy' is not a number");
    assertThat(problems.get(1)).startsWith("line 3:").contains("outside [0, 1]");
    assertThat(problems.get(2)).startsWith("line 4:").contains("unknown tier 'mythical'");
    assertThat(problems.get(3)).startsWith("line 5:").contains("not a valid RE2 expression");
    assertThat(problems.get(4)).startsWith("line 6:").contains("matches empty text");
    assertThat(problems.get(5)).startsWith("line 7:").contains("added_at 'yesterday'");
    assertThat(problems.get(6)).startsWith("line 8:").contains("unknown kind 'sigil'");
    assertThat(problems.get(7)).startsWith("line 9:").contains("not a language tag");
    assertThat(problems.get(8)).startsWith("line 10:").contains("the term is empty");
    assertThat(problems.get(9)).startsWith("line 11:").contains("expected 9 fields");
  }

  @Test
  void refusesDuplicatesOnceNormalised() {
    String duplicates = """
        term,language,weight,tier
        Pale Lantern Order,en,0.45,official_propaganda
        PALE  L4NTERN ORDER,en,0.45,official_propaganda
        Pale Lantern Order,fr,0.45,official_propaganda
        """;
    List<String> problems = problems(() -> LexiconFormat.readCsv("dup", utf8(duplicates)));

    assertThat(problems).containsExactly(
        "line 3: repeats line 2: both are term 'pale lantern order' (en); keep one");
  }

  @Test
  void refusesBadUtf8WithItsLine() {
    byte[] text = utf8("term,language,weight,tier\nPale Lantern Order,en,0.4,promotional\nLantern ");
    byte[] bad = new byte[text.length + 3];
    System.arraycopy(text, 0, bad, 0, text.length);
    bad[text.length] = (byte) 0xC3;
    bad[text.length + 1] = (byte) 0x28;
    bad[text.length + 2] = ',';

    assertThat(problems(() -> LexiconFormat.readCsv("bad", bad)))
        .singleElement().asString().startsWith("line 3:").contains("not valid UTF-8");
  }

  @Test
  void refusesAnUnknownOrMissingHeader() {
    assertThat(problems(() -> LexiconFormat.readCsv("h", utf8("term,language,colour\nx,en,red\n"))))
        .anyMatch(p -> p.contains("unknown column 'colour'"))
        .anyMatch(p -> p.contains("lacks the column 'weight'"));
    assertThat(problems(() -> LexiconFormat.readCsv("h", utf8(""))))
        .singleElement().asString().contains("there is no header");
  }

  @Test
  void refusesMalformedQuotesAndGoesOnToTheNextRow() {
    String text = """
        term,language,weight
        "Pale Lantern" Order,en,0.4
        Pale "Lantern",en,0.4
        Lantern Light Media,en,2
        """;
    List<String> problems = problems(() -> LexiconFormat.readCsv("q", utf8(text)));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("line 2:");
    assertThat(problems.get(1)).startsWith("line 3:");
    assertThat(problems.get(2)).startsWith("line 4:");
    assertThat(problems(() -> LexiconFormat.readCsv("q", utf8("term,language,weight\n\"never closed,en,0.4\n"))))
        .singleElement().asString().startsWith("line 2:").contains("never closed");
  }

  @Test
  void keepsAQuotedNoteThatSpansLines() {
    String text = "kind,term,language,weight,note\nterm,lantern,en,0.2,\"first line\nsecond line\"\nterm,ember,en,0.2,\n";
    Lexicon lexicon = LexiconFormat.readCsv("n", utf8(text));

    assertThat(lexicon.find(EntryKey.of(EntryKind.TERM, "lantern", "en")).orElseThrow().note())
        .contains("first line\nsecond line");
    assertThat(LexiconFormat.readCsv("n", LexiconFormat.writeCsv(lexicon)).entries()).isEqualTo(lexicon.entries());
  }

  @Test
  void refusesAFileLargerThanTheLimitWithoutReadingItAll() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'a');
        return len;
      }
    };
    assertThatThrownBy(() -> LexiconFormat.readCsv("huge", endless))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("larger than 64 MiB");
  }

  @Test
  void refusesMalformedJsonWithItsLine() {
    String json = "{\n  \"name\": \"demo\",\n  \"entries\": [\n    {\"term\": \"lantern\" \"language\": \"en\"}\n  ]\n}";
    assertThat(problems(() -> LexiconFormat.readJson("demo", utf8(json))))
        .singleElement().asString().startsWith("line 4:").contains("not valid JSON");
  }

  @Test
  void refusesBadJsonEntriesEachWithItsLine() {
    String json = """
        {"name": "demo", "version": 2,
         "entries": [
          {"kind": "phrase", "term": "Pale Lantern Order", "language": "en", "weight": 0.4},
          {"kind": "phrase", "term": "Lantern Light Media", "language": "en", "weight": "much"},
          {"kind": "term", "term": "lantern", "language": "en", "weight": 0.2, "tier": "mythical"},
          {"kind": "term", "term": "ember", "language": "en", "weight": 0.2, "colour": "red"},
          {"kind": "phrase", "term": "pale lantern order", "language": "en", "weight": 0.4},
          ["not", "an", "object"]
         ]}
        """;
    List<String> problems = problems(() -> LexiconFormat.readJson("demo", utf8(json)));

    assertThat(problems).hasSize(5);
    assertThat(problems.get(0)).startsWith("line 4:").contains("'much' is not a number");
    assertThat(problems.get(1)).startsWith("line 5:").contains("unknown tier");
    assertThat(problems.get(2)).startsWith("line 6:").contains("unknown property 'colour'");
    assertThat(problems.get(3)).startsWith("line 7:").contains("repeats the entry on line 3");
    assertThat(problems.get(4)).startsWith("line 8:").contains("must be an object");
  }

  @Test
  void refusesJsonWhoseDigestDoesNotMatchItsEntries() {
    Lexicon lexicon = LexiconFormat.readCsv("demo", utf8(FULL_CSV));
    String json = new String(LexiconFormat.writeJson(lexicon), StandardCharsets.UTF_8).replace("0.45", "0.46");

    assertThatThrownBy(() -> LexiconFormat.readJson("demo", utf8(json)))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("does not match the entries");
  }

  @Test
  void refusesDuplicateJsonPropertiesAndTrailingText() {
    assertThat(problems(() -> LexiconFormat.readJson("d",
        utf8("{\"entries\": [{\"term\": \"a1\", \"term\": \"b1\", \"language\": \"en\", \"weight\": 0.1}]}"))))
        .singleElement().asString().contains("not valid JSON");
    assertThat(problems(() -> LexiconFormat.readJson("d", utf8("{\"entries\": []} {}"))))
        .singleElement().asString().contains("text after the lexicon object");
  }

  @Test
  void readsAFileByItsExtension(@TempDir Path directory) throws IOException {
    Path csv = directory.resolve("demo.csv");
    Files.write(csv, utf8(FULL_CSV));
    Lexicon fromCsv = LexiconFormat.read(csv);
    Path json = directory.resolve("copy.json");
    Files.write(json, LexiconFormat.writeJson(fromCsv));

    assertThat(fromCsv.name()).isEqualTo("demo");
    assertThat(LexiconFormat.read(json).digest()).isEqualTo(fromCsv.digest());
  }

  @Test
  void survivesRandomBytesWithoutCrashing() {
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    byte[] alphabet = utf8("term,language,weight,tier,kind\n\"#*\\()[]{}:0.5enar ة\u200B");
    for (int round = 0; round < 500; round++) {
      byte[] bytes = new byte[random.nextInt(200)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
      for (Runnable read : List.<Runnable>of(() -> LexiconFormat.readCsv("r", bytes),
          () -> LexiconFormat.readJson("r", bytes))) {
        try {
          read.run();
        } catch (LexiconException expected) {
          assertThat(expected.problems()).as("seed %d", seed).isNotEmpty();
        } catch (RuntimeException e) {
          throw new AssertionError("seed " + seed + ": crashed on " + java.util.Arrays.toString(bytes), e);
        }
      }
    }
  }

  @Test
  void readsFromAStream() throws IOException {
    Lexicon lexicon = LexiconFormat.readCsv("s", new ByteArrayInputStream(utf8(FULL_CSV)));
    assertThat(lexicon.find(EntryKey.of(EntryKind.PATTERN, "lantern\\s+light\\s+m[e3]dia", "*"))).isPresent();
    assertThat(lexicon.entries().stream().filter(e -> e.kind() == EntryKind.PATTERN).findFirst().map(LexiconEntry::tier))
        .contains(Optional.of(Tier.PROMOTIONAL));
  }
}
