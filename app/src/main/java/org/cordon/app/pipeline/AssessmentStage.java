package org.cordon.app.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.cordon.core.port.AssessmentInbox;
import org.cordon.core.port.CaseStore;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;

/**
 * Takes stored, unassessed posts, runs every detector on them, records the assessments and opens a
 * case in the triage queue for each flagged one. Detectors are an explicit list: what runs is what
 * a reader sees here.
 */
public final class AssessmentStage {
  private final AssessmentInbox inbox;
  private final CaseStore cases;
  private final List<Detector> detectors;
  private final Assessor assessor;
  private final ToDoubleBiFunction<Assessment, Duration> priority;
  private final Clock clock;
  private final java.util.function.BiConsumer<org.cordon.core.model.Post, Assessment> assessed;

  public AssessmentStage(AssessmentInbox inbox, CaseStore cases, List<Detector> detectors, Assessor assessor,
      ToDoubleBiFunction<Assessment, Duration> priority, Clock clock) {
    this(inbox, cases, detectors, assessor, priority, clock, (post, assessment) -> {});
  }

  private AssessmentStage(AssessmentInbox inbox, CaseStore cases, List<Detector> detectors, Assessor assessor,
      ToDoubleBiFunction<Assessment, Duration> priority, Clock clock,
      java.util.function.BiConsumer<org.cordon.core.model.Post, Assessment> assessed) {
    this.assessed = java.util.Objects.requireNonNull(assessed, "assessed");
    this.inbox = inbox;
    this.cases = cases;
    this.detectors = List.copyOf(detectors);
    this.assessor = assessor;
    this.priority = priority;
    this.clock = clock;
  }

  /**
   * This stage, also telling {@code listener} of every post and its assessment once recorded (the
   * live pipeline's account risk counts them). The listener must not throw.
   */
  public AssessmentStage alsoTelling(java.util.function.BiConsumer<org.cordon.core.model.Post, Assessment> listener) {
    return new AssessmentStage(inbox, cases, detectors, assessor, priority, clock, assessed.andThen(listener));
  }

  /** Assesses up to {@code limit} posts; returns what it did. */
  public Result runOnce(int limit) {
    List<PostContext> posts = inbox.unassessed(limit);
    if (posts.isEmpty()) {
      return new Result(0, 0);
    }
    Instant now = clock.instant();
    List<Assessment> assessments = new ArrayList<>(posts.size());
    for (PostContext post : posts) {
      List<Signal> signals = new ArrayList<>();
      for (Detector detector : detectors) {
        signals.addAll(detector.detect(post));
      }
      assessments.add(assessor.assess(post.post().key(), signals, now));
    }
    inbox.recordAssessments(assessments);
    int flagged = 0;
    for (Assessment a : assessments) {
      if (a.flagged()) {
        cases.openOrUpdate(a, priority.applyAsDouble(a, Duration.ZERO), now);
        flagged++;
      }
    }
    for (int i = 0; i < posts.size(); i++) {
      assessed.accept(posts.get(i).post(), assessments.get(i));
    }
    return new Result(posts.size(), flagged);
  }

  /** Assesses until nothing is left; returns the totals. */
  public Result drain(int batch) {
    long assessed = 0;
    long flagged = 0;
    for (Result r; (r = runOnce(batch)).assessed() > 0; ) {
      assessed += r.assessed();
      flagged += r.flagged();
    }
    return new Result(assessed, flagged);
  }

  public record Result(long assessed, long flagged) {}
}
