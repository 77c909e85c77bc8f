package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cordon.lineage.Profiles.T0;
import static org.cordon.lineage.Profiles.follows;
import static org.cordon.lineage.Profiles.key;
import static org.cordon.lineage.Profiles.profile;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineageBookTest {
  @Test
  void threeGenerationsFormOneChainFoundFromAnyOfThem() {
    SuspendedAccounts suspended = new SuspendedAccounts();
    LineageBook book = new LineageBook();
    ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book);
    String bio = "placeholder slogan of the range, nothing more";

    // Generation 0 is suspended; generation 1 returns and is matched, then suspended in turn.
    suspended.add(profile("g0", "ember_wire_media", "Ember Wire", bio, T0.minus(Duration.ofDays(30))), follows(0, 10), T0);
    Instant created1 = T0.plus(Duration.ofHours(3));
    AccountProfile g1 = profile("g1", "ember_wire_media_1", "Ember Wire", bio + " (acc 2)", created1);
    Candidate first = matcher.check(g1, Activity.firstSeenAt(created1)).match().orElseThrow();
    book.link(first.predecessor(), g1.key(), first.score(), created1);
    suspended.add(g1, follows(0, 10), T0.plus(Duration.ofDays(1)));
    Instant created2 = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
    AccountProfile g2 = profile("g2", "ember_wire_media2", "Ember Wire", bio + " | back again", created2);
    Candidate second = matcher.check(g2, Activity.firstSeenAt(created2)).match().orElseThrow();
    book.link(second.predecessor(), g2.key(), second.score(), created2);

    assertThat(second.predecessor()).isEqualTo(key("g1"));
    for (String member : new String[] {"g0", "g1", "g2"}) {
      Lineage lineage = book.lineageOf(key(member));
      assertThat(lineage.accounts()).containsExactly(key("g0"), key("g1"), key("g2"));
      assertThat(lineage.links()).hasSize(2);
    }
    assertThat(book.predecessorOf(key("g2"))).contains(key("g1"));
    assertThat(book.successorsOf(key("g0"))).containsExactly(key("g1"));
  }

  @Test
  void anAccountAloneIsALineageOfOne() {
    assertThat(new LineageBook().lineageOf(key("solo")).accounts()).containsExactly(key("solo"));
  }

  @Test
  void refusesASecondPredecessorAndACycle() {
    LineageBook book = new LineageBook();
    book.link(key("a"), key("b"), 0.95, T0);
    book.link(key("b"), key("c"), 0.95, T0);

    assertThatThrownBy(() -> book.link(key("x"), key("c"), 0.9, T0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already replaced");
    assertThatThrownBy(() -> book.link(key("c"), key("a"), 0.9, T0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void aSecondClaimOnAPredecessorThatAlreadyReturnedWeighsLess() {
    SuspendedAccounts suspended = new SuspendedAccounts();
    LineageBook book = new LineageBook();
    ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book);
    suspended.add(profile("p", "night_watch_bulletin", "Night Watch", "placeholder", T0.minus(Duration.ofDays(9))),
        follows(0, 5), T0);
    Instant created = T0.plus(Duration.ofHours(1));
    AccountProfile claimant = profile("n2", "night_watch_bulletin_9", "Night Watch", "placeholder", created);
    double before = matcher.check(claimant, Activity.firstSeenAt(created)).candidates().getFirst().score();

    book.link(key("p"), key("n1"), 0.97, created);
    matcher.forget(claimant.key());
    Candidate after = matcher.check(claimant, Activity.firstSeenAt(created)).candidates().getFirst();

    assertThat(after.score()).isLessThan(before);
    assertThat(after.evidence(Evidence.AlreadyReturned.class)).isPresent();
  }

  @Test
  void aChainIsContinuedFromItsNewestSuspendedAccountNotItsAncestor() {
    SuspendedAccounts suspended = new SuspendedAccounts();
    LineageBook book = new LineageBook();
    ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book);
    String bio = "placeholder slogan of the range";
    // The ancestor's follows were observed in full; its successor's were not, so the ancestor looks closer.
    suspended.add(profile("g0", "falcon_news_desk", "Falcon News", bio, T0.minus(Duration.ofDays(30))), follows(0, 10), T0);
    book.link(key("g0"), key("g1"), 0.97, T0.plus(Duration.ofHours(2)));
    suspended.add(profile("g1", "falcon_news_desk_1", "Falcon News", bio, T0.plus(Duration.ofHours(2))), java.util.List.of(),
        T0.plus(Duration.ofHours(20)));
    Instant created = T0.plus(Duration.ofHours(22));
    AccountProfile g2 = profile("g2", "falcon_news_desk2", "Falcon News", bio, created);

    Check check = matcher.check(g2, new Activity(created, new java.util.HashSet<>(follows(0, 8)), java.util.List.of()));

    assertThat(check.candidates()).extracting(Candidate::predecessor).contains(key("g0"), key("g1"));
    assertThat(check.match()).map(Candidate::predecessor).contains(key("g1"));
  }
}
