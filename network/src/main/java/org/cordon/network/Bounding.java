package org.cordon.network;

/**
 * Which part of social media the graph keeps. {@link #neighbourhood(int)} keeps only the accounts
 * within {@code hops} of a flagged or confirmed account and the edges that touch an account closer
 * than that, so the graph grows with the network under watch, not with the platforms.
 */
public record Bounding(int hops) {
  /** Hops meaning "no bound": an offline analysis of a whole file set. */
  private static final int EVERYTHING = Integer.MAX_VALUE;

  public Bounding {
    if (hops < 1) {
      throw new IllegalArgumentException("a neighbourhood is at least one hop around the marked accounts: " + hops);
    }
  }

  public static Bounding neighbourhood(int hops) {
    return new Bounding(hops);
  }

  public static Bounding everything() {
    return new Bounding(EVERYTHING);
  }

  public boolean keepsEverything() {
    return hops == EVERYTHING;
  }
}
