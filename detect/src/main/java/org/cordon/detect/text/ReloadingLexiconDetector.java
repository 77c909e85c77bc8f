package org.cordon.detect.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.text.lexicon.Lexicon;
import org.cordon.text.lexicon.LexiconException;
import org.cordon.text.lexicon.LexiconFormat;

/**
 * A {@link LexiconDetector} over a lexicon file that analysts edit while Cordon runs. Before a
 * detection it checks the file's modification time, at most once a second; when the time has
 * changed it loads the file and swaps in the new automaton atomically, so a detection always sees
 * one whole lexicon. A file that fails to load (bad rows, half written) leaves the previous
 * lexicon in place; {@link #lastReloadProblem()} says why, and the same modification time is not
 * retried. The file must load at construction.
 */
public final class ReloadingLexiconDetector implements Detector {
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private final Path file;
  private final InstantSource clock;
  private final AtomicReference<State> state;

  private record State(LexiconDetector detector, FileTime loadedModified, FileTime lastSeenModified,
      Instant lastCheck, Optional<String> problem) {}

  public ReloadingLexiconDetector(Path file) {
    this(file, InstantSource.system());
  }

  ReloadingLexiconDetector(Path file, InstantSource clock) {
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      LexiconDetector detector = new LexiconDetector(LexiconFormat.read(file));
      this.state = new AtomicReference<>(new State(detector, modified, modified, clock.instant(), Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + file, e);
    }
  }

  @Override
  public String name() {
    return LexiconDetector.NAME;
  }

  @Override
  public List<Signal> detect(PostContext post) {
    return current().detect(post);
  }

  /** The lexicon in use now, after a reload check if one is due. */
  public Lexicon lexicon() {
    return current().lexicon();
  }

  /** Why the latest changed file could not be loaded; empty when the file in use is the latest. */
  public Optional<String> lastReloadProblem() {
    return state.get().problem();
  }

  private LexiconDetector current() {
    State seen = state.get();
    Instant now = clock.instant();
    if (Duration.between(seen.lastCheck(), now).compareTo(CHECK_INTERVAL) < 0) {
      return seen.detector();
    }
    // One thread wins the check; the others go on with the lexicon they have.
    State claimed = new State(seen.detector(), seen.loadedModified(), seen.lastSeenModified(), now, seen.problem());
    if (!state.compareAndSet(seen, claimed)) {
      return state.get().detector();
    }
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      state.set(new State(claimed.detector(), claimed.loadedModified(), claimed.lastSeenModified(), now,
          Optional.of("cannot read " + file + ": " + e.getMessage())));
      return claimed.detector();
    }
    if (modified.equals(claimed.lastSeenModified())) {
      return claimed.detector();
    }
    State next;
    try {
      next = new State(new LexiconDetector(LexiconFormat.read(file)), modified, modified, now, Optional.empty());
    } catch (IOException | LexiconException | UncheckedIOException e) {
      next = new State(claimed.detector(), claimed.loadedModified(), modified, now,
          Optional.of("kept the lexicon of " + claimed.loadedModified() + ": " + e.getMessage()));
    }
    state.set(next);
    return next.detector();
  }
}
