package org.cordon.core.port;

import java.util.List;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;

/**
 * Posts stored but not yet assessed. Ingest and assessment are decoupled through the store, so a
 * crash between them loses nothing: an unassessed post is picked up again after a restart.
 */
public interface AssessmentInbox {
  /** Up to {@code limit} stored posts not yet assessed, oldest first, with their media's hashes. */
  List<PostContext> unassessed(int limit);

  /** Records media fingerprints computed after the bytes were archived. */
  void recordFingerprints(List<MediaFingerprint> fingerprints);

  /** Records the assessments and marks their posts assessed, in one transaction. */
  void recordAssessments(List<Assessment> assessments);
}
