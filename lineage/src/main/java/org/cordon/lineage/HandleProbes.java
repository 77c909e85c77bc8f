package org.cordon.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The handles a new account's predecessor plausibly had, to ask the platform about.
 *
 * <p>A returner whose handle is taken by its suspended account adds or bumps a counter: {@code
 * karim_north} becomes {@code karim_north_1}, {@code karim_north2} or {@code karim_north__3}. From a
 * handle ending in digits this derives the stems (the handle without its last one to
 * {@value #MAX_DIGITS} digits and the separators before them) and each stem's siblings with a small
 * counter ({@code stem1}, {@code stem_1}, {@code stem__1} … up to {@value #MAX_COUNTER}): the previous
 * link of the chain may have been a sibling, not the stem. A handle without a trailing counter
 * yields nothing: a returner that changed its handle in another way is found by blocking on the
 * suspended accounts Cordon already knows.
 *
 * <p>At most {@value #MAX_PROBES} handles, so one batched lookup covers them (X's users-by-username
 * takes 100 per request). Stems with fewer than {@value #MIN_STEM} letters are skipped: {@code ali_42}
 * tells nothing about whose {@code ali_4} came before.
 */
public final class HandleProbes {
  static final int MAX_DIGITS = 4;
  static final int MAX_COUNTER = 3;
  static final int MIN_STEM = 4;
  static final int MAX_PROBES = 48;
  private static final String[] SEPARATORS = {"", "_", "__"};

  private HandleProbes() {}

  /** The handles to look up for a new account with {@code handle} (a leading "@" is ignored); never the handle itself. */
  public static List<String> of(String handle) {
    String h = org.cordon.core.model.Platform.bareHandle(handle);
    if (h.length() > Names.MAX_NAME_CHARS) {
      return List.of();
    }
    int digits = 0;
    while (digits < h.length() && isAsciiDigit(h.charAt(h.length() - 1 - digits))) {
      digits++;
    }
    if (digits == 0 || digits == h.length()) {
      return List.of();
    }
    Set<String> stems = new LinkedHashSet<>();
    for (int cut = 1; cut <= Math.min(digits, MAX_DIGITS); cut++) {
      String stem = stripSeparators(h.substring(0, h.length() - cut));
      if (stem.codePoints().filter(Character::isLetter).count() >= MIN_STEM) {
        stems.add(stem);
      }
    }
    Set<String> probes = new LinkedHashSet<>(stems);
    for (String stem : stems) {
      for (String separator : SEPARATORS) {
        for (int counter = 1; counter <= MAX_COUNTER; counter++) {
          probes.add(stem + separator + counter);
        }
      }
    }
    String self = h.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>(Math.min(probes.size(), MAX_PROBES));
    for (String probe : probes) {
      if (!probe.toLowerCase(Locale.ROOT).equals(self) && out.size() < MAX_PROBES) {
        out.add(probe);
      }
    }
    return List.copyOf(out);
  }

  private static String stripSeparators(String s) {
    int end = s.length();
    while (end > 0 && isSeparator(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '.' || c == '-';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
