package org.cordon.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturningAccountsTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  final Map<AccountKey, Account> stored = new HashMap<>();

  Account account(String id, String handle, String name, String bio, Instant created) {
    Account a = new Account(AccountKey.of(Platform.X, id), handle, Optional.of(name), Optional.of(bio), Optional.of(created),
        OptionalLong.of(10), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());
    stored.put(a.key(), a);
    return a;
  }

  ReturningAccounts returning() {
    return new ReturningAccounts(key -> Optional.ofNullable(stored.get(key)), (key, limit) -> List.of(), Optional.of(dir.resolve("live/lineage.jsonl")));
  }

  @Test
  void aNewAccountLikeASuspendedOneIsLinkedWithTheEvidenceAndInheritsItsTier() {
    ReturningAccounts returning = returning();
    Account old = account("1", "ember_wire", "Ember Wire", "placeholder reader of the fictional outlet, news every day", NOW.minus(300, ChronoUnit.DAYS));
    returning.suspended(old.key(), NOW.minus(3, ChronoUnit.HOURS), Optional.of(Tier.OFFICIAL_PROPAGANDA), "test");

    Optional<ReturningAccounts.Match> match = returning.observed(
        account("2", "ember_wire_2", "Ember Wire", "placeholder reader of the fictional outlet, news every day", NOW.minus(1, ChronoUnit.HOURS)), NOW);

    assertThat(match).hasValueSatisfying(m -> {
      assertThat(m.predecessor()).isEqualTo(old.key());
      assertThat(m.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
      assertThat(m.signal().kind()).isEqualTo("returning-account");
      assertThat(m.signal().evidence()).containsEntry("predecessor", "x:account:1").containsKey("handle");
    });
    assertThat(returning.lineage(AccountKey.of(Platform.X, "2")).accounts()).containsExactly(old.key(), AccountKey.of(Platform.X, "2"));
    assertThat(returning.isReturning(AccountKey.of(Platform.X, "2"))).isTrue();
  }

  @Test
  void anAccountSeenBeforeIsNotCheckedAgainAndAnUnrelatedOneIsNotLinked() {
    ReturningAccounts returning = returning();
    Account old = account("1", "ember_wire", "Ember Wire", "placeholder reader", NOW.minus(300, ChronoUnit.DAYS));
    returning.known(AccountKey.of(Platform.X, "2"));
    returning.suspended(old.key(), NOW.minus(3, ChronoUnit.HOURS), Optional.empty(), "test");

    assertThat(returning.observed(account("2", "ember_wire_2", "Ember Wire", "placeholder reader", NOW.minus(1, ChronoUnit.HOURS)), NOW))
        .as("known before the suspension: not a new account").isEmpty();
    assertThat(returning.observed(account("3", "garden_notes", "Garden Notes", "tomatoes and beans", NOW.minus(1, ChronoUnit.HOURS)), NOW))
        .isEmpty();
    assertThat(returning.watched()).as("nothing in common: not watched either").isZero();
  }

  @Test
  void suspensionsAndLinksSurviveARestartThroughTheLogAndADamagedLineIsSkipped() throws Exception {
    ReturningAccounts first = returning();
    Account old = account("1", "ember_wire", "Ember Wire", "placeholder reader of the fictional outlet", NOW.minus(300, ChronoUnit.DAYS));
    first.suspended(old.key(), NOW.minus(3, ChronoUnit.HOURS), Optional.of(Tier.PROMOTIONAL), "test");
    Optional<ReturningAccounts.Match> match = first.observed(
        account("2", "ember_wire_2", "Ember Wire", "placeholder reader of the fictional outlet", NOW.minus(1, ChronoUnit.HOURS)), NOW);
    assertThat(match).isPresent();
    Files.writeString(dir.resolve("live/lineage.jsonl"), "{not json\n", java.nio.file.StandardOpenOption.APPEND);

    ReturningAccounts second = returning();
    int applied = second.restore();

    assertThat(applied).isEqualTo(2);
    assertThat(second.suspension(old.key())).hasValueSatisfying(s -> assertThat(s.tier()).contains(Tier.PROMOTIONAL));
    assertThat(second.lineage(AccountKey.of(Platform.X, "2")).size()).isEqualTo(2);
    assertThat(second.match(AccountKey.of(Platform.X, "2"))).hasValueSatisfying(m -> {
      assertThat(m.signal().reason()).isEqualTo(match.get().signal().reason());
      assertThat(m.signal().evidence()).isEqualTo(match.get().signal().evidence());
    });
  }

  @Test
  void aWatchedAccountIsRecheckedAsItsFollowsArrive() {
    ReturningAccounts returning = returning();
    Account old = account("1", "ember_wire", "Ember", "x", NOW.minus(300, ChronoUnit.DAYS));
    returning.suspended(old.key(), NOW.minus(3, ChronoUnit.HOURS), Optional.empty(), "test");
    Optional<ReturningAccounts.Match> first = returning.observed(account("2", "ember_wyre", "Someone", "y", NOW.minus(1, ChronoUnit.HOURS)), NOW);
    assertThat(first).as("an edited handle alone is a candidate, not a match").isEmpty();
    assertThat(returning.watched()).as("a candidate but no match: watched").isEqualTo(1);
    returning.observed(new Interaction.Follow(AccountKey.of(Platform.X, "2"), AccountKey.of(Platform.X, "700"), Optional.empty()), NOW);
    assertThat(returning.observed(new Interaction.Follow(AccountKey.of(Platform.X, "999"), AccountKey.of(Platform.X, "700"), Optional.empty()), NOW))
        .as("an account not watched is not checked").isEmpty();
  }

  /** A new account showing only a handle (no name, no bio): nothing in its profile says who it is. */
  private static Account bare(String id, String handle) {
    return new Account(AccountKey.of(Platform.X, id), handle, Optional.empty(), Optional.empty(), Optional.of(NOW.minus(1, ChronoUnit.HOURS)),
        OptionalLong.of(1), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  private static org.cordon.core.model.Post post(String id, String author, String text, List<String> mentions, Instant at) {
    return new org.cordon.core.model.Post(org.cordon.core.model.PostKey.of(Platform.X, id), AccountKey.of(Platform.X, author), at, text,
        Optional.empty(), Optional.empty(), List.of(), List.of(), mentions, List.of(), List.of());
  }

  @Test
  void aShoutoutLinksARenamedAccountEvenAfterItsFirstCheckFoundNothingAndBeforeItIsSeen() {
    ReturningAccounts returning = returning();
    Account old = account("1", "lantern_light_media", "Lantern Light", "placeholder outlet of the fictional range", NOW.minus(300, ChronoUnit.DAYS));
    returning.suspended(old.key(), NOW.minus(3, ChronoUnit.HOURS), Optional.empty(), "test");
    Account renamed = bare("2", "qx7_relay");

    assertThat(returning.observed(renamed, NOW)).as("nothing in common with the suspended account").isEmpty();
    Optional<ReturningAccounts.Match> match = returning.observed(
        post("p1", "99", "back again: @qx7_relay (was @lantern_light_media)", List.of("qx7_relay", "lantern_light_media"),
            NOW.plus(10, ChronoUnit.MINUTES)), NOW.plus(10, ChronoUnit.MINUTES));

    assertThat(match).map(ReturningAccounts.Match::predecessor).contains(old.key());
    assertThat(match.get().signal().evidence()).containsKey("shoutout");

    // Announced before it is ever seen: its first check has the shoutout already.
    Account old2 = account("3", "ember_wire_daily", "Ember Wire", "placeholder news", NOW.minus(300, ChronoUnit.DAYS));
    returning.suspended(old2.key(), NOW.minus(2, ChronoUnit.HOURS), Optional.empty(), "test");
    assertThat(returning.observed(post("p2", "98", "follow @zz9_plural now, ex @ember_wire_daily", List.of("zz9_plural"), NOW), NOW)).isEmpty();
    assertThat(returning.observed(bare("4", "zz9_plural"), NOW.plus(1, ChronoUnit.HOURS)))
        .map(ReturningAccounts.Match::predecessor).contains(old2.key());
  }

  @Test
  void aPostNamingNoSuspendedHandleOrARepostIsNoShoutout() {
    ReturningAccounts returning = returning();
    Account old = account("1", "lantern_light_media", "Lantern Light", "placeholder outlet", NOW.minus(300, ChronoUnit.DAYS));
    returning.suspended(old.key(), NOW.minus(3, ChronoUnit.HOURS), Optional.empty(), "test");
    returning.observed(account("2", "qx7_relay", "Relay", "nothing to see", NOW.minus(1, ChronoUnit.HOURS)), NOW);

    assertThat(returning.observed(post("p1", "99", "say hi to @qx7_relay", List.of("qx7_relay"), NOW), NOW)).isEmpty();
    assertThat(returning.observed(post("p2", "99", "RT @qx7_relay: was @lantern_light_media", List.of("qx7_relay"), NOW), NOW)).isEmpty();
    assertThat(returning.isReturning(AccountKey.of(Platform.X, "2"))).isFalse();
  }
}
