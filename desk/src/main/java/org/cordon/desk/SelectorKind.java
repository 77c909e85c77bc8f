package org.cordon.desk;

import java.util.Locale;

/** What a watch-list selector identifies. Persisted by name. */
public enum SelectorKind {
  /** An account handle, on any platform: case-insensitive, without '@'. */
  HANDLE,
  /** A web URL, compared in canonical form. */
  URL,
  /** A media hash (hex, e.g. a PDQ or SHA-256 value), compared exactly, lowercase. */
  MEDIA_HASH,
  /** A phone number given as a contact handle: digits, with '+' for an international number. */
  PHONE,
  /** An e-mail address given as a contact handle, lowercase. */
  EMAIL;

  public static SelectorKind parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown selector kind '" + text + "'; known: handle, url, media_hash, phone, email");
    }
  }
}
