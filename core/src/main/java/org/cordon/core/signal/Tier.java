package org.cordon.core.signal;

/**
 * How grave content is, as a unit ranks it; the tier drives priority and the clock. Declared from
 * most to least severe: {@link #compareTo} orders by severity.
 */
public enum Tier {
  THREAT_TO_LIFE("threat to life"),
  GRAPHIC_VIOLENCE("crisis / graphic violence"),
  OFFICIAL_PROPAGANDA("official propaganda"),
  PROMOTIONAL("promotional");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  /** What an analyst reads. */
  public String label() {
    return label;
  }

  /** Stored and accepted in files: the lowercase constant name ("threat_to_life"). */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Tier parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return Tier.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown tier '" + text + "'; known: threat_to_life, graphic_violence, official_propaganda, promotional");
    }
  }

  public boolean moreSevereThan(Tier other) {
    return compareTo(other) < 0;
  }
}
