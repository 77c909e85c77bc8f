package org.cordon.core.signal;

import java.util.Locale;

/**
 * A number as fixed-point text, exactly as {@code String.format(Locale.ROOT, "%.Nf", value)} writes
 * it (or {@code "%+.Nf"}), for the reasons and evidence of signals. Triage writes several such
 * numbers for every post it judges, and the Formatter took 4 % of the workers' CPU.
 *
 * <p>Rounding is the Formatter's, half up, and it is taken from the Formatter itself whenever the
 * value could be near a tie: the fast path handles only values whose scaled fraction is clearly on
 * one side of one half. Java rounds the shortest decimal that names the double, so 1.005 becomes
 * "1.01". Non-finite and large values also go to the Formatter.
 */
public final class Decimals {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  /**
   * Below this the scaled value's rounding error is under 1e-7, so a fraction more than 1e-6 away
   * from one half rounds as the Formatter rounds it.
   */
  private static final double FAST_LIMIT = 1e8;
  private static final double NEAR_HALF = 1e-6;

  private Decimals() {}

  /** {@code String.format(Locale.ROOT, "%.{places}f", value)}. */
  public static String fixed(double value, int places) {
    return append(new StringBuilder(16), value, places, false).toString();
  }

  /** {@code String.format(Locale.ROOT, "%+.{places}f", value)}: a sign always. */
  public static String signed(double value, int places) {
    return append(new StringBuilder(16), value, places, true).toString();
  }

  /** Appends {@link #fixed} (or {@link #signed} when {@code plus}) to {@code out}. */
  public static StringBuilder append(StringBuilder out, double value, int places, boolean plus) {
    if (places < 0 || places >= POWERS.length) {
      throw new IllegalArgumentException("places from 0 to " + (POWERS.length - 1) + ": " + places);
    }
    double scaled = Math.abs(value) * POWERS[places];
    double whole = Math.floor(scaled);
    double fraction = scaled - whole;
    if (!(scaled < FAST_LIMIT) || Math.abs(fraction - 0.5) <= NEAR_HALF) {
      // NaN, infinities, large values, and anything near a tie
      return out.append(String.format(Locale.ROOT, (plus ? "%+." : "%.") + places + "f", value));
    }
    long units = (long) whole + (fraction > 0.5 ? 1 : 0);
    // the Formatter writes the sign of the double, so -0.0 and -0.001 both come out as "-0.00"
    if (Double.doubleToRawLongBits(value) < 0) {
      out.append('-');
    } else if (plus) {
      out.append('+');
    }
    out.append(units / POWERS[places]);
    if (places > 0) {
      out.append('.');
      String digits = Long.toString(units % POWERS[places]);
      for (int pad = places - digits.length(); pad > 0; pad--) {
        out.append('0');
      }
      out.append(digits);
    }
    return out;
  }
}
