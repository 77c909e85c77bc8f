package org.cordon.referral.order;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cordon.referral.order.AnnexIForm.ContentProviderNotice;

/**
 * Checks a removal order before it goes out and names every missing or invalid field, not just the
 * first, so the issuer can fix them all at once.
 */
public final class AnnexIValidator {
  /** Regulation (EU) 2021/784 applies from 7 June 2022: no order is issued before. */
  static final Instant REGULATION_APPLIES = Instant.parse("2022-06-07T00:00:00Z");
  /** Art. 11(3): the content provider may be kept uninformed for six weeks, extendable by six. */
  static final Duration LONGEST_WITHHOLDING = Duration.ofDays(7 * 12);
  static final int MOST_URLS = 1000;

  private static final Set<String> MEMBER_STATES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL",
      "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{5,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ()-]{6,24}");
  private static final Set<String> PLACEHOLDERS = Set.of("TBD", "TODO", "XXX", "N/A", "NA", "NONE", "UNKNOWN", "REFERENCE", "TEST");

  private AnnexIValidator() {}

  /** An order dated later than this after "now" was dated by a wrong clock or by hand. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Every problem of the form, in the order of its sections; empty when it may be sent. */
  public static List<FieldProblem> problems(AnnexIForm form) {
    return check(form, Optional.empty());
  }

  /** As {@link #problems(AnnexIForm)}, and the time of issue must not lie in the future of {@code now}. */
  public static List<FieldProblem> problems(AnnexIForm form, Instant now) {
    return check(form, Optional.of(now));
  }

  private static List<FieldProblem> check(AnnexIForm form, Optional<Instant> now) {
    List<FieldProblem> problems = new ArrayList<>();
    sectionA(form, now, problems);
    sectionB(form, problems);
    sectionC(form.contentProviderNotice(), problems);
    sectionD(form, problems);
    sectionE(form, problems);
    sectionF(form.followUp(), problems);
    sectionG(form.redress(), problems);
    return List.copyOf(problems);
  }

  public static boolean isComplete(AnnexIForm form) {
    return problems(form).isEmpty();
  }

  private static void sectionA(AnnexIForm form, Optional<Instant> now, List<FieldProblem> problems) {
    memberState("issuingAuthority.memberState", form.issuingAuthority().memberState(), problems);
    required("addressee.hostingServiceProvider", form.addressee().hostingServiceProvider(), problems);
    form.addressee().legalRepresentative().ifPresent(r -> required("addressee.legalRepresentative", r, problems));
    required("addressee.contactPoint", form.addressee().contactPoint(), problems);
    memberState("addressee.mainEstablishment", form.addressee().mainEstablishment(), problems);
    String reference = form.reference().strip();
    if (reference.isEmpty()) {
      problems.add(missing("reference"));
    } else if (!REFERENCE.matcher(reference).matches()) {
      problems.add(new FieldProblem("reference",
          "a reference is 6 to 64 letters, digits, '.', '/', '_' or '-', starting with a letter or digit: use the authority's numbering"));
    } else if (PLACEHOLDERS.contains(reference.toUpperCase(Locale.ROOT)) || !reference.matches(".*[0-9].*") || reference.chars().distinct().count() < 3) {
      problems.add(new FieldProblem("reference", "'" + reference + "' looks like a placeholder: give the order's own number (it has digits)"));
    }
    if (form.issuedAt().isEmpty()) {
      problems.add(missing("issuedAt"));
    } else if (form.issuedAt().get().isBefore(REGULATION_APPLIES)) {
      problems.add(new FieldProblem("issuedAt", "issued before Regulation (EU) 2021/784 applied (7 June 2022): check the date"));
    } else if (now.isPresent() && form.issuedAt().get().isAfter(now.get().plus(CLOCK_SKEW))) {
      problems.add(new FieldProblem("issuedAt", "issued at " + form.issuedAt().get() + ", later than now (" + now.get() + "): check the date and the clock"));
    }
  }

  private static void sectionB(AnnexIForm form, List<FieldProblem> problems) {
    List<String> urls = form.content().urls();
    if (urls.isEmpty()) {
      problems.add(new FieldProblem("content.urls", "missing: give at least one exact URL of the content"));
    } else if (urls.size() > MOST_URLS) {
      problems.add(new FieldProblem("content.urls", urls.size() + " URLs: at most " + MOST_URLS + " per order, split it"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < urls.size() && i < MOST_URLS; i++) {
      String field = "content.urls[" + i + "]";
      String url = urls.get(i);
      urlProblem(url).ifPresent(p -> problems.add(new FieldProblem(field, p)));
      if (!seen.add(url)) {
        problems.add(new FieldProblem(field, "repeats an earlier URL: list each URL once"));
      }
    }
    if (form.reasons().grounds().isEmpty()) {
      problems.add(new FieldProblem("reasons.grounds", "missing: tick at least one ground of Art. 2(7)"));
    }
    required("reasons.additionalInformation", form.reasons().additionalInformation(), problems);
  }

  private static Optional<String> urlProblem(String url) {
    if (url.isBlank()) {
      return Optional.of("empty: give the exact URL");
    }
    boolean hidden = url.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    if (hidden) {
      return Optional.of("contains whitespace, control, bidirectional or zero-width characters: give the URL exactly as the platform serves it, percent-encoded");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.of("not an http(s) URL: '" + abbreviate(url) + "'");
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        return Optional.of("has no host: '" + abbreviate(url) + "'");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("not a valid URL (" + e.getReason() + " at index " + e.getIndex() + "): '" + abbreviate(url) + "'");
    }
  }

  private static void sectionC(ContentProviderNotice notice, List<FieldProblem> problems) {
    switch (notice) {
      case ContentProviderNotice.Inform inform -> { }
      case ContentProviderNotice.Withhold withhold -> {
        required("contentProviderNotice.publicSecurityReason", withhold.publicSecurityReason(), problems);
        if (withhold.period().isNegative() || withhold.period().isZero()) {
          problems.add(new FieldProblem("contentProviderNotice.period", "not positive: say for how long the content provider is not to be told"));
        } else if (withhold.period().compareTo(LONGEST_WITHHOLDING) > 0) {
          problems.add(new FieldProblem("contentProviderNotice.period",
              withhold.period().toDays() + " days is longer than Art. 11(3) allows (six weeks, extendable by six)"));
        }
      }
    }
  }

  private static void sectionD(AnnexIForm form, List<FieldProblem> problems) {
    String issuing = normalised(form.issuingAuthority().memberState());
    String establishment = normalised(form.addressee().mainEstablishment());
    boolean elsewhere = MEMBER_STATES.contains(issuing) && MEMBER_STATES.contains(establishment) && !issuing.equals(establishment);
    if (elsewhere && form.crossBorder().copySentTo().filter(s -> !s.isBlank()).isEmpty()) {
      problems.add(new FieldProblem("crossBorder.copySentTo",
          "missing: the provider is established in " + establishment + ", not " + issuing + ": name that State's competent authority, which receives a copy (Art. 4)"));
    }
  }

  private static void sectionE(AnnexIForm form, List<FieldProblem> problems) {
    AnnexIForm.IssuingAuthority authority = form.issuingAuthority();
    required("issuingAuthority.name", authority.name(), problems);
    required("issuingAuthority.representativeName", authority.representativeName(), problems);
    required("issuingAuthority.representativePost", authority.representativePost(), problems);
    required("issuingAuthority.fileNumber", authority.fileNumber(), problems);
    required("issuingAuthority.address", authority.address(), problems);
    phone("issuingAuthority.phone", authority.phone(), problems);
    email("issuingAuthority.email", authority.email(), problems);
    AnnexIForm.Authentication authentication = form.authentication();
    required("authentication.signatory", authentication.signatory(), problems);
    required("authentication.post", authentication.post(), problems);
    if (authentication.signedAt().isEmpty()) {
      problems.add(missing("authentication.signedAt"));
    } else if (form.issuedAt().isPresent() && authentication.signedAt().get().isAfter(form.issuedAt().get())) {
      problems.add(new FieldProblem("authentication.signedAt", "after the time of issue: an order is certified before it is issued"));
    }
  }

  private static void sectionF(AnnexIForm.FollowUp followUp, List<FieldProblem> problems) {
    required("followUp.name", followUp.name(), problems);
    email("followUp.email", followUp.email(), problems);
    phone("followUp.phone", followUp.phone(), problems);
  }

  private static void sectionG(AnnexIForm.Redress redress, List<FieldProblem> problems) {
    required("redress.competentBody", redress.competentBody(), problems);
    required("redress.deadline", redress.deadline(), problems);
    required("redress.nationalProvisions", redress.nationalProvisions(), problems);
  }

  private static void required(String field, String value, List<FieldProblem> problems) {
    if (value.isBlank()) {
      problems.add(missing(field));
    }
  }

  private static void memberState(String field, String value, List<FieldProblem> problems) {
    if (value.isBlank()) {
      problems.add(missing(field));
    } else if (!MEMBER_STATES.contains(normalised(value))) {
      problems.add(new FieldProblem(field, "'" + abbreviate(value) + "' is not the two-letter code of an EU Member State (e.g. NL, DE, EL)"));
    }
  }

  private static void email(String field, String value, List<FieldProblem> problems) {
    if (value.isBlank()) {
      problems.add(missing(field));
    } else if (!EMAIL.matcher(value.strip()).matches()) {
      problems.add(new FieldProblem(field, "'" + abbreviate(value) + "' is not an e-mail address"));
    }
  }

  private static void phone(String field, String value, List<FieldProblem> problems) {
    if (value.isBlank()) {
      problems.add(missing(field));
    } else if (!PHONE.matcher(value.strip()).matches()) {
      problems.add(new FieldProblem(field, "'" + abbreviate(value) + "' is not a phone number with its country code (+31 70 123 4567)"));
    }
  }

  private static FieldProblem missing(String field) {
    return new FieldProblem(field, "missing: fill it in");
  }

  private static String normalised(String memberState) {
    return memberState.strip().toUpperCase(Locale.ROOT);
  }

  private static String abbreviate(String text) {
    String visible = text.codePoints().limit(121)
        .mapToObj(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? String.format(Locale.ROOT, "[U+%04X]", c) : Character.toString(c))
        .reduce("", String::concat);
    return visible.length() <= 120 ? visible : visible.substring(0, 120) + "…";
  }
}
