package org.cordon.lineage.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.lineage.AccountProfile;

/**
 * Plausible account profiles at any scale: handles from name parts in several languages (Arabic
 * names in their common romanisations), separators and numbers, display names in Latin or Arabic
 * script, bios from word lists, some avatars; and returners derived from them the ways returners
 * change a handle.
 */
final class SyntheticAccounts {
  private static final String[] FIRST = {"abu", "umm", "ibn", "muhammad", "mohamed", "mohammad", "ahmed", "ahmad",
      "khalid", "omar", "umar", "yusuf", "yousef", "abdullah", "abdallah", "hamza", "hamzah", "ali", "hassan", "hussein",
      "noor", "nour", "nur", "fatima", "aisha", "ayesha", "zaynab", "zainab", "ibrahim", "ismail", "mustafa", "mostafa",
      "tariq", "tarek", "karim", "kareem", "bilal", "sami", "samir", "layla", "leila", "jonas", "lea", "hugo", "claire",
      "max", "anna", "felix", "sara", "zoe", "malik", "ines", "john", "mary", "peter", "paul", "luca", "marie", "emma",
      "lukas", "leon", "jan", "tom", "kate", "nina", "ben", "olivia", "noah", "louis", "jules", "camille", "chloe"};
  private static final String[] SECOND = {"lantern", "falcon", "river", "cedar", "ember", "north", "watch", "dune",
      "stone", "harbor", "meadow", "oasis", "pixel", "coffee", "street", "garden", "sky", "road", "news", "desk",
      "shams", "qamar", "sahab", "bahr", "jabal", "nahr", "sayf", "dhahab", "khayr", "fajr", "layl", "nasr", "rih",
      "fox", "wolf", "bear", "lion", "hawk", "star", "moon", "sun", "rain", "snow", "fire", "wind", "light", "night",
      "maison", "soleil", "lune", "monde", "stadt", "wald", "berg", "licht", "nacht", "welt", "feld", "haus", "stern"};
  private static final String[] AR_NAMES = {"أبو حمزة", "أم خالد", "نور الفانوس", "سيف الشام", "فجر الأمة",
      "عبد الله", "محمد", "يوسف", "أحمد", "عمر", "ليلى", "زينب", "مصطفى", "إبراهيم", "طارق"};
  private static final String[] WORDS = {"news", "daily", "views", "my", "own", "love", "life", "music", "football",
      "coffee", "travel", "photography", "student", "writer", "reader", "the", "and", "of", "truth", "light", "way",
      "dreams", "family", "faith", "peace", "art", "code", "books", "nature", "city", "la", "vie", "est", "belle",
      "le", "monde", "das", "leben", "ist", "schön", "und", "die", "welt", "الحق", "النور", "الطريق", "الحياة", "الأمة",
      "الفجر", "الصبر", "العلم", "الله", "قلب", "وطن", "placeholder", "slogan", "banner", "watch", "lantern", "ember"};
  private static final String[][] ROMANISATIONS = {{"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"kh", "x"}, {"dh", "z"},
      {"mohamed", "muhammad"}, {"yusuf", "yousef"}, {"hamza", "hamzah"}, {"omar", "umar"}, {"aisha", "ayesha"}};

  private SyntheticAccounts() {}

  static AccountProfile profile(Platform platform, long id, SplittableRandom random) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String second = SECOND[random.nextInt(SECOND.length)];
    String separator = switch (random.nextInt(4)) {
      case 0 -> "_";
      case 1 -> ".";
      default -> "";
    };
    StringBuilder handle = new StringBuilder(first).append(separator).append(second);
    int numbers = random.nextInt(10);
    if (numbers < 5) {
      handle.append(random.nextInt(numbers < 2 ? 100 : 10_000));
    } else if (numbers < 7) {
      handle.append('_').append(Long.toString(random.nextLong(36L * 36 * 36), 36));
    }
    Optional<String> displayName = random.nextInt(10) < 2
        ? Optional.of(AR_NAMES[random.nextInt(AR_NAMES.length)])
        : random.nextInt(10) < 8 ? Optional.of(capitalise(first) + " " + capitalise(second)) : Optional.empty();
    Optional<String> bio = random.nextInt(10) < 8 ? Optional.of(bio(random)) : Optional.empty();
    Optional<PdqHash> avatar = random.nextInt(10) < 3
        ? Optional.of(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()))
        : Optional.empty();
    return new AccountProfile(AccountKey.of(platform, Long.toString(id)), handle.toString(), displayName, bio, avatar,
        Optional.of(Instant.parse("2014-01-01T00:00:00Z").plusSeconds(random.nextLong(200L * 86_400))));
  }

  /** A returning account of {@code old}: another handle the ways returners change one, the rest kept or lightly edited. */
  static AccountProfile returner(AccountProfile old, long id, Instant createdAt, SplittableRandom random) {
    String handle = old.handle();
    switch (random.nextInt(3)) {
      case 0 -> handle = handle.replaceAll("[0-9_.]+$", "") + (random.nextBoolean() ? "_" : "") + (2 + random.nextInt(20));
      case 1 -> {
        String changed = handle;
        for (String[] swap : ROMANISATIONS) {
          if (changed.contains(swap[0])) {
            changed = changed.replace(swap[0], swap[1]);
            break;
          }
        }
        handle = changed + (1 + random.nextInt(9));
      }
      default -> handle = handle.contains("_") ? handle.replace("_", "__") : handle + "_";
    }
    Optional<String> bio = old.bio().map(b -> b + (random.nextBoolean() ? " (acc " + (2 + random.nextInt(5)) + ")" : " back again"));
    Optional<PdqHash> avatar = old.avatar().map(a -> random.nextBoolean() ? a
        : new PdqHash(a.w0() ^ (1L << random.nextInt(64)) ^ (1L << random.nextInt(64)), a.w1(), a.w2() ^ (1L << random.nextInt(64)), a.w3()));
    return new AccountProfile(AccountKey.of(old.key().platform(), Long.toString(id)), handle, old.displayName(), bio, avatar,
        Optional.of(createdAt));
  }

  static List<AccountKey> neighbourhood(Platform platform, int size, long population, SplittableRandom random) {
    List<AccountKey> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(AccountKey.of(platform, Long.toString(random.nextLong(population))));
    }
    return out;
  }

  private static String bio(SplittableRandom random) {
    int words = 3 + random.nextInt(12);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
