package org.cordon.range.world;

/**
 * How a post relates to a statement, as written to {@code statement_variant}. The first six are the
 * statement itself or re-posts of it (what a near-duplicate detector should find); the last two are
 * look-alike negatives it should not.
 */
enum StatementVariant {
  /** The outlet's first, complete post of the statement. */
  ORIGINAL("original", true),
  VERBATIM("verbatim", true),
  SMALL_EDITS("small_edits", true),
  SCRIPT_VARIANT("script_variant", true),
  EXCERPT("excerpt", true),
  SPLIT("split", true),
  /** A journalist or researcher quoting one sentence inside their own reporting: a hard negative. */
  QUOTE("quote", false),
  /** An ordinary person's long post sharing the statements' common vocabulary; no statement. */
  LOOKALIKE("lookalike", false);

  final String wireName;
  final boolean repost;

  StatementVariant(String wireName, boolean repost) {
    this.wireName = wireName;
    this.repost = repost;
  }
}
