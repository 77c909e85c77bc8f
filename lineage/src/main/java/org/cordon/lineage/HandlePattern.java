package org.cordon.lineage;

/** How a new handle relates to a suspended one, strongest first. */
public enum HandlePattern {
  /** The same handle, but for case, look-alike or invisible characters. */
  SAME_HANDLE,
  /** Only separators ('_', '.', '-') differ: "abu_hamza" / "abu__hamza". */
  UNDERSCORES,
  /** The trailing number (and its separators) changed or was added: "abu_hamza" / "abu_hamza_2". */
  NUMERIC_SUFFIX,
  /** Another romanisation of the same name: "noor_falcon" / "nur_falcon3". */
  TRANSLITERATION,
  /** Digits inside the handle changed: "abu4hamza" / "abu7hamza". */
  DIGITS_CHANGED,
  /** Letters edited: "abuhamza" / "abuhamzah". */
  EDITED,
  /** Nothing in common worth naming. */
  UNRELATED
}
