package org.cordon.desk;

import java.util.Locale;

/** Why content is terrorist content: the grounds of TCO Regulation (EU) 2021/784, Art. 2(7). Persisted by name. */
public enum Category {
  /** Art. 2(7)(a): incites the commission of terrorist offences. */
  INCITES,
  /** Art. 2(7)(a): glorifies terrorist acts, advocating their commission. */
  GLORIFIES,
  /** Art. 2(7)(b): solicits a person or group to commit or contribute to terrorist offences. */
  SOLICITS,
  /** Art. 2(7)(c): solicits a person or group to participate in the activities of a terrorist group. */
  SOLICITS_PARTICIPATION,
  /** Art. 2(7)(d): instructs on making or using explosives, weapons or other methods for terrorist offences. */
  INSTRUCTS,
  /** Art. 2(7)(e): threatens to commit a terrorist offence. */
  THREATENS;

  /** The request's category as platforms receive it: "incites", "solicits_participation". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Category parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown category '" + text
          + "'; known: incites, glorifies, solicits, solicits_participation, instructs, threatens");
    }
  }
}
