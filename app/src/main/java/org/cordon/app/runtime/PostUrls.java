package org.cordon.app.runtime;

import java.util.List;
import java.util.function.Function;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.port.ObservationStore;

/** The URLs a request names for its subject: the post's own URL, or the account's profile. */
final class PostUrls implements Function<Subject, List<String>> {
  private final ObservationStore observations;

  PostUrls(ObservationStore observations) {
    this.observations = observations;
  }

  @Override
  public List<String> apply(Subject subject) {
    return switch (subject) {
      case PostKey post -> observations.post(post).flatMap(p -> p.url()).map(List::of).orElse(List.of());
      case AccountKey account -> observations.account(account).flatMap(a -> a.profileUrl()).map(List::of).orElse(List.of());
    };
  }
}
