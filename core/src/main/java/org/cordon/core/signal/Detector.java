package org.cordon.core.signal;

import java.util.List;

/**
 * A pipeline stage that looks at one post and says what it sees. A detector is a plain function
 * of the post and the state it was built with (a lexicon, a hash list); it never writes anywhere.
 */
public interface Detector {
  /** Persisted as {@link Signal#kind()}: never renamed. */
  String name();

  /** The signals this detector raises for the post; empty when it sees nothing. */
  List<Signal> detect(PostContext post);
}
