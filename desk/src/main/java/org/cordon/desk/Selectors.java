package org.cordon.desk;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cordon.detect.url.UrlCanonicalizer;
import org.cordon.detect.url.UrlRules;

/**
 * Puts selectors, and the identifiers of observed items, in one normal form so that they meet:
 * handles lowercase without '@', URLs canonical, hashes lowercase hex, phones as digits, e-mail
 * addresses lowercase. Ambiguous input (invisible characters, no digits) is refused with a reason.
 */
final class Selectors {
  private static final UrlCanonicalizer URLS = new UrlCanonicalizer(UrlRules.defaults());
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{16,256}");
  private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+");
  private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+");
  private static final Pattern PHONE_IN_TEXT = Pattern.compile("\\+?[0-9][0-9 ().-]{5,20}[0-9]");
  private static final int MAX_LENGTH = 2048;

  private Selectors() {}

  /** The normal form, or a refusal (INVALID) saying what is wrong with the value. */
  static String normalize(SelectorKind kind, String raw) {
    Optional<String> problem = problem(raw);
    if (problem.isPresent()) {
      throw invalid(kind, problem.get());
    }
    String value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
    return switch (kind) {
      case HANDLE -> {
        String handle = value.replaceFirst("^@+", "").toLowerCase(Locale.ROOT);
        if (handle.isEmpty() || handle.chars().anyMatch(Character::isWhitespace)) {
          throw invalid(kind, "a handle is one word, with or without a leading '@'");
        }
        yield handle;
      }
      case URL -> switch (URLS.canonicalize(value)) {
        case UrlCanonicalizer.Result.Canonical c -> c.url().value();
        case UrlCanonicalizer.Result.Rejected r -> throw invalid(kind, r.reason());
      };
      case MEDIA_HASH -> {
        String hash = value.toLowerCase(Locale.ROOT);
        int colon = hash.indexOf(':');
        hash = colon >= 0 ? hash.substring(colon + 1) : hash; // "pdq:..." names the hash type; the value is what matches
        if (!HEX.matcher(hash).matches()) {
          throw invalid(kind, "a media hash is 16 to 256 hexadecimal digits, optionally after 'type:'");
        }
        yield hash;
      }
      case PHONE -> {
        String digits = value.replaceAll("[\\s().-]", "");
        String international = digits.startsWith("00") ? "+" + digits.substring(2) : digits;
        if (!international.matches("\\+?[0-9]{6,15}")) {
          throw invalid(kind, "a phone number is 6 to 15 digits, optionally after '+', with spaces, dots, dashes or brackets between");
        }
        yield international;
      }
      case EMAIL -> {
        String email = value.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
          throw invalid(kind, "not an e-mail address (name@domain.tld)");
        }
        yield email;
      }
    };
  }

  /** Like {@link #normalize} for identifiers read from observed items, which are skipped rather than refused. */
  static Optional<String> tryNormalize(SelectorKind kind, String raw) {
    try {
      return Optional.of(normalize(kind, raw));
    } catch (DeskRefusal e) {
      return Optional.empty();
    }
  }

  /** Contact handles (e-mail addresses, phone numbers) written in free text: bios, posts. */
  static void contactsIn(String text, Set<Identifier> into, String where) {
    String t = text.length() > 100_000 ? text.substring(0, 100_000) : text;
    Matcher email = EMAIL_IN_TEXT.matcher(t);
    while (email.find()) {
      tryNormalize(SelectorKind.EMAIL, email.group()).ifPresent(v -> into.add(new Identifier(SelectorKind.EMAIL, v, where)));
    }
    Matcher phone = PHONE_IN_TEXT.matcher(t);
    while (phone.find()) {
      tryNormalize(SelectorKind.PHONE, phone.group()).ifPresent(v -> into.add(new Identifier(SelectorKind.PHONE, v, where)));
    }
  }

  static Set<Identifier> newSet() {
    return new LinkedHashSet<>();
  }

  /** One normalised identifier of an item, and where on the item it was found. */
  record Identifier(SelectorKind kind, String normalized, String where) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identifier i && i.kind == kind && i.normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
      return kind.hashCode() * 31 + normalized.hashCode();
    }
  }

  private static Optional<String> problem(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.of("empty value");
    }
    if (raw.length() > MAX_LENGTH) {
      return Optional.of("longer than " + MAX_LENGTH + " characters");
    }
    String s = raw.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c) && !validSurrogate(s, i)) {
        return Optional.of(String.format(Locale.ROOT, "contains an invisible, control or broken character U+%04X at %d", (int) c, i));
      }
    }
    return Optional.empty();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static DeskRefusal invalid(SelectorKind kind, String why) {
    return new DeskRefusal(DeskRefusal.Reason.INVALID, "bad " + kind.name().toLowerCase(Locale.ROOT) + " selector: " + why);
  }
}
