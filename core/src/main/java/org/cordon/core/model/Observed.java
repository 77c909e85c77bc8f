package org.cordon.core.model;

/** Anything a source can observe on a platform. Each is keyed by (platform, native id). */
public sealed interface Observed permits Account, Post, Media, Interaction {
  Platform platform();
}
