package org.cordon.core.port;

import java.util.List;
import java.util.Optional;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;

/**
 * The system of record for what sources observed. Writing is idempotent on (platform, native id):
 * an item already stored is counted as a duplicate and left as it is, so re-reading an input after
 * a crash adds nothing twice. Each call is one transaction: after a crash either all of a batch is
 * stored or none of it.
 */
public interface ObservationStore {
  WriteCounts write(String source, List<ParsedRecord> records);

  /**
   * Stores records whose posts were judged before they were stored, as a triage path that keeps
   * only what it flags does: the records and the assessments in one transaction, so a post is never
   * stored without its assessment nor the other way round, and the posts never wait in the
   * {@link AssessmentInbox}. Idempotent like {@link #write}: a replayed batch stores nothing twice.
   */
  WriteCounts writeAssessed(String source, List<ParsedRecord> records, List<Assessment> assessments);

  /**
   * {@link #writeAssessed(String, List, List)} for a caller that knows some posts of the records to
   * be stored already, or to be in another of its writes, exactly as these records render them (a
   * repost's original, delivered again): each is linked to this write's payload, its provenance, but
   * neither it nor the interactions it carries is written again. The caller answers for the claim;
   * a post named here that no write stores is missing.
   */
  WriteCounts writeAssessed(String source, List<ParsedRecord> records, List<Assessment> assessments, java.util.Set<PostKey> storedAsRendered);

  Optional<Post> post(PostKey key);

  Optional<Account> account(AccountKey key);

  long postCount();

  /** What one write stored. Posts are counted apart because they are what a unit reads. */
  record WriteCounts(long newPosts, long duplicatePosts, long newOther, long duplicateOther) {
    public static final WriteCounts NONE = new WriteCounts(0, 0, 0, 0);

    public WriteCounts plus(WriteCounts o) {
      return new WriteCounts(newPosts + o.newPosts, duplicatePosts + o.duplicatePosts, newOther + o.newOther, duplicateOther + o.duplicateOther);
    }
  }
}
