package org.cordon.range.world;

/**
 * The length a platform allows a post, counted its way. X: 280 weighted characters (twitter-text
 * v3: code points below U+1100 and the general punctuation ranges weigh 1, all others 2, a link 23).
 * Mastodon: 500 characters (its default), counted here as code points with links at 23. Telegram:
 * 4,096 characters a message. The video site carries no statements.
 */
final class PostLimits {
  static final int X = 280;
  static final int MASTODON = 500;
  static final int TELEGRAM = 4096;
  private static final int LINK = 23;

  private PostLimits() {}

  static int limit(Site site) {
    return switch (site) {
      case X -> X;
      case MASTODON -> MASTODON;
      case TELEGRAM, VIDEO -> TELEGRAM;
    };
  }

  static boolean fits(Site site, Text text) {
    return length(site, text) <= limit(site);
  }

  static int length(Site site, Text text) {
    String body = text.body();
    int[] cps = body.codePoints().toArray();
    boolean[] inLink = new boolean[cps.length];
    int links = 0;
    for (Text.Entity e : text.entities()) {
      if (e instanceof Text.Link l) {
        links++;
        for (int i = l.start(); i < l.end() && i < cps.length; i++) {
          inLink[i] = true;
        }
      }
    }
    int n = links * LINK;
    for (int i = 0; i < cps.length; i++) {
      if (!inLink[i]) {
        n += site == Site.X ? xWeight(cps[i]) : 1;
      }
    }
    return n;
  }

  private static int xWeight(int cp) {
    boolean light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    return light ? 1 : 2;
  }
}
