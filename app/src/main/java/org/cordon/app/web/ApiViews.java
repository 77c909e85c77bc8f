package org.cordon.app.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.Post;
import org.cordon.core.model.Subject;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;

/** The REST API's JSON shapes: the domain mapped once, at the edge. */
final class ApiViews {
  private ApiViews() {}

  record SubjectView(String kind, String platform, String id) {
    static SubjectView of(Subject s) {
      return new SubjectView(s.kind().name().toLowerCase(java.util.Locale.ROOT), s.platform().name(), s.id());
    }
  }

  record SignalView(String kind, double strength, Optional<String> tier, String reason, java.util.Map<String, String> evidence) {
    static SignalView of(Signal s) {
      return new SignalView(s.kind(), s.strength(), s.tier().map(Tier::key), s.reason(), s.evidence());
    }
  }

  /** @param language as the platform gave it, or as Cordon identified it when the platform gave none */
  record PostView(String text, Optional<String> language, Optional<String> url, String author, Optional<String> authorHandle, Instant postedAt,
      List<String> hashtags, int media) {
    static PostView of(Post p, Optional<Account> author) {
      return new PostView(p.text(), p.language(), p.url(), p.author().id(), author.map(Account::handle), p.postedAt(), p.hashtags(), p.media().size());
    }
  }

  /** A decision of the desk's trail (decisions recorded before the desk existed stay in the store, not here). */
  record DecisionView(long id, String kind, Optional<String> requestType, Optional<String> category, Optional<String> tier, String decidedBy,
      String role, String approval, String state, String note, Instant at) {
    static DecisionView of(org.cordon.desk.DecisionEntry d) {
      return new DecisionView(d.id(), lower(d.kind()), d.requestType().map(ApiViews::lower), d.category().map(org.cordon.desk.Category::key),
          d.tier().map(Tier::key), d.decidedBy(), lower(d.role()), lower(d.approval()), lower(d.state()), d.note(), d.decidedAt());
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A case with its content and the desk's decisions on it; decide through {@code POST /api/v1/desk/cases/{id}/decisions}. */
  record CaseView(long id, String state, double priority, Optional<String> tier, Optional<String> tierLabel, Instant firstSeen, long openMinutes,
      SubjectView subject, double score, String explanation, List<SignalView> signals, Optional<PostView> post, List<DecisionView> decisions) {
    static CaseView of(Case c, Instant now, ObservationStore observations, List<org.cordon.desk.DecisionEntry> trail) {
      Optional<PostView> post = c.subject() instanceof org.cordon.core.model.PostKey key
          ? observations.post(key).map(p -> PostView.of(p, observations.account(p.author())))
          : Optional.empty();
      return new CaseView(c.id().value(), c.state().name().toLowerCase(java.util.Locale.ROOT), c.priority(), c.tier().map(Tier::key),
          c.tier().map(Tier::label), c.firstSeen(), Duration.between(c.firstSeen(), now).toMinutes(), SubjectView.of(c.subject()),
          c.assessment().score(), c.assessment().explanation(), c.assessment().signals().stream().map(SignalView::of).toList(), post,
          trail.stream().map(DecisionView::of).toList());
    }
  }

  record StatusView(String status, Instant at, String detail) {
    static StatusView of(StatusChange s) {
      return new StatusView(s.status().name().toLowerCase(java.util.Locale.ROOT), s.at(), s.detail());
    }
  }

  record RequestView(long id, String type, long caseId, String platform, SubjectView subject, List<String> urls, String category, String status,
      List<StatusView> history) {
    static RequestView of(Request r) {
      return new RequestView(r.id().value(), r.type(), r.caseId().value(), r.platform().name(), SubjectView.of(r.subject()), r.urls(), r.category(),
          r.status().name().toLowerCase(java.util.Locale.ROOT), r.history().stream().map(StatusView::of).toList());
    }
  }
}
