package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class V1TimeFastPathTest {
  private static final long SEED = 20261124L;
  /** The formatter the fast path stands in for, written out again here as the reference. */
  private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "wed", "WED", "Xyz"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "oct", "Okt"};

  @Test
  void readsTheCommonForm() {
    assertThat(Fields.v1UtcFastPath("Wed Oct 10 20:19:24 +0000 2018")).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
    assertThat(Fields.v1UtcFastPath("Thu Feb 29 23:59:59 +0000 2024")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
  }

  @Test
  void leavesEverythingElseToTheFormatter() {
    for (String other : List.of("Wed Oct 10 20:19:24 +0100 2018", "Thu Oct 10 20:19:24 +0000 2018", "Fri Feb 30 20:19:24 +0000 2018",
        "Thu Jan 01 24:00:00 +0000 1970", "Wed Oct 10 20:19:60 +0000 2018", "wed Oct 10 20:19:24 +0000 2018", "Wed Oct 10 20:19:24 +0000 02018",
        "Wed Oct 1 20:19:24 +0000 2018", "Wed Oct ١٠ 20:19:24 +0000 2018", "Wed Oct 10 20:19:24 Z 2018")) {
      assertThat(Fields.v1UtcFastPath(other)).as(other).isNull();
    }
  }

  @Test
  void agreesWithTheFormatterOnRandomAndMutatedTimes() {
    Random random = new Random(SEED);
    String alphabet = "0123456789 :+-ZaAeW٣";
    int fast = 0;
    for (int i = 0; i < 60_000; i++) {
      String text;
      if (random.nextBoolean()) {
        // a real instant written out, often with its true weekday
        ZonedDateTime when = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L)).atZone(java.time.ZoneOffset.UTC);
        text = REFERENCE.format(when);
        if (random.nextInt(3) == 0) {
          text = DAYS[random.nextInt(DAYS.length)] + text.substring(3);
        }
      } else {
        text = String.format(Locale.ROOT, "%s %s %02d %02d:%02d:%02d %s %04d", DAYS[random.nextInt(DAYS.length)], MONTHS[random.nextInt(MONTHS.length)],
            random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(62), random.nextInt(5) == 0 ? "-0500" : "+0000", random.nextInt(10_000));
      }
      if (random.nextInt(4) == 0) {
        char[] mutated = text.toCharArray();
        mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        text = new String(mutated);
      }
      fast += Fields.v1UtcFastPath(text) != null ? 1 : 0;
      assertThat(viaFields(text)).as("seed %d, text %s", SEED, text).isEqualTo(viaFormatter(text));
    }
    assertThat(fast).as("times the fast path read itself").isGreaterThan(10_000);
  }

  private static Optional<Instant> viaFields(String text) {
    try {
      return Optional.of(Fields.twitterV1Time("created_at", text));
    } catch (RecordProblem e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> viaFormatter(String text) {
    try {
      return Optional.of(ZonedDateTime.parse(text, REFERENCE).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
