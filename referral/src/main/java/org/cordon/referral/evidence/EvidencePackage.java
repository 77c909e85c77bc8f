package org.cordon.referral.evidence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.DecisionRecord;

/**
 * Everything preserved about one case, as exported for a prosecutor, a court or a platform's
 * appeal: what it is about, who decided what and when, what was asked of the platform and how it
 * answered, and the archived content with the digests it had when it was archived.
 *
 * @param files archived copies; each name is unique and becomes {@code files/<name>} in the package
 */
public record EvidencePackage(
    CaseId caseId,
    Subject subject,
    Platform platform,
    List<String> urls,
    Tier tier,
    String category,
    Instant firstSeen,
    List<TrailEntry> decisions,
    List<StatusEntry> requestHistory,
    List<ArchivedFile> files) {

  public EvidencePackage {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(platform, "platform");
    urls = List.copyOf(urls);
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(firstSeen, "firstSeen");
    decisions = List.copyOf(decisions);
    requestHistory = List.copyOf(requestHistory);
    files = List.copyOf(files);
    Set<String> names = new HashSet<>();
    for (ArchivedFile file : files) {
      if (!names.add(file.name())) {
        throw new IllegalArgumentException("two archived files are named '" + file.name() + "': give each a unique name");
      }
    }
  }

  /** One step of the decision trail: a decision, an approval, a hold, a correction. */
  public record TrailEntry(Instant at, String actor, String action, String detail) {
    public TrailEntry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }

    public static TrailEntry of(DecisionRecord record) {
      return new TrailEntry(record.at(), record.actor().key(), record.decision().kind(), record.reason());
    }
  }

  /** One status change of a request to the platform. */
  public record StatusEntry(String request, RequestStatus status, Instant at, String detail) {
    public StatusEntry {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(detail, "detail");
    }

    /** The history of a request, labelled "referral 12" or "removal_order 13". */
    public static List<StatusEntry> of(Request request) {
      List<StatusEntry> entries = new ArrayList<>();
      for (StatusChange change : request.history()) {
        entries.add(new StatusEntry(request.type() + " " + request.id(), change.status(), change.at(), change.detail()));
      }
      return List.copyOf(entries);
    }
  }

  /**
   * An archived copy of content and the digest it had when archived.
   *
   * @param name 1-120 characters, letters, digits, '.', '_' or '-', not starting with '.': it becomes a path in the ZIP
   */
  public record ArchivedFile(String name, Path path, Sha256 sha256) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}");

    public ArchivedFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
      if (!NAME.matcher(name).matches()) {
        String shown = name.codePoints().limit(80).map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        throw new IllegalArgumentException("an archived file's name is 1-120 letters, digits, '.', '_' or '-', not starting with '.': '" + shown
            + "'; name it by its digest");
      }
    }
  }
}
