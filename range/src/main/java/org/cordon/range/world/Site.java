package org.cordon.range.world;

/** The platforms of the world. Paste and file hosts exist only as links, so they are not sites. */
enum Site {
  X("x", "https://x.range.invalid", 1.0, 1.0),
  TELEGRAM("telegram", "https://t.range.invalid", 0.6, 0.3),
  VIDEO("video", "https://video.range.invalid", 0.05, 0.6),
  MASTODON("mastodon", "https://social.range.invalid", 0.5, 0.5);

  final String platform;
  final String base;
  /** Share of a person's posting done on this site when they have an account there. */
  final double activityFactor;
  /** Suspension hazard relative to the microblog's. */
  final double suspensionFactor;

  Site(String platform, String base, double activityFactor, double suspensionFactor) {
    this.platform = platform;
    this.base = base;
    this.activityFactor = activityFactor;
    this.suspensionFactor = suspensionFactor;
  }

  static final Site[] ALL = values();
  static final int COUNT = ALL.length;
}
