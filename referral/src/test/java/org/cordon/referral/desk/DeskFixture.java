package org.cordon.referral.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;

/** A desk over in-memory stores with one fake platform, "x". */
final class DeskFixture {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final InMemoryCaseStore cases = new InMemoryCaseStore();
  final InMemoryRequestStore requests = new InMemoryRequestStore(clock);
  final FakeGateway gateway = new FakeGateway(Platform.X);
  final ReferralDesk desk = new ReferralDesk(cases, requests, DeskFixture::urlOf, clock);
  final Dispatcher dispatcher = new Dispatcher(requests, Map.of(Platform.X, gateway), clock);
  final StatusTracker tracker = new StatusTracker(requests, Map.of(Platform.X, gateway));

  static List<String> urlOf(Subject subject) {
    return List.of("https://x.example/" + subject.kind().name().toLowerCase() + "/" + subject.id());
  }

  Case openCase(String postId) {
    PostKey post = PostKey.of(Platform.X, postId);
    Assessment assessment = new Assessment(post, 0.8, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(),
        "placeholder release of the fictional outlet", START);
    return cases.openOrUpdate(assessment, 25, START);
  }
}
