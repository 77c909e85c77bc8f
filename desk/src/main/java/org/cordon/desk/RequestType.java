package org.cordon.desk;

import java.util.Locale;

/** What goes to the platform when a referral decision clears. Persisted by name. */
public enum RequestType {
  /** Voluntary, under the platform's terms of service. */
  REFERRAL,
  /** Binding, TCO Art. 3: the platform removes within one hour of receipt. */
  REMOVAL_ORDER;

  public static RequestType parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown request type '" + text + "'; known: referral, removal_order");
    }
  }
}
