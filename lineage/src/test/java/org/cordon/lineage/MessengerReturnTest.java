package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cordon.lineage.Profiles.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.junit.jupiter.api.Test;

/**
 * Returns on a messenger whose export shows no usernames and no follows (a Telegram Desktop
 * export): the display name or channel title, the group chats a member writes in, the hashtags of
 * its first posts and the time since the suspension are what is left.
 */
class MessengerReturnTest {
  private static final Set<String> SLOGANS = Set.of("EmberWire", "PaleLantern");
  private final SuspendedAccounts suspended = new SuspendedAccounts();
  private final LineageBook book = new LineageBook();
  private final ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book, account -> 60,
      ReturningAccountMatcher.Settings.DEFAULT);

  private static AccountKey peer(String id) {
    return AccountKey.of(Platform.TELEGRAM, id);
  }

  /** As the export connector gives a profile: the peer id stands in for the missing username. */
  private static AccountProfile profile(String id, String name) {
    return new AccountProfile(peer(id), id, Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private void suspend(String id, String name, Set<AccountKey> chats, Set<String> hashtags) {
    suspended.add(profile(id, name), chats, hashtags, T0);
  }

  private Check firstPost(String id, String name, Set<AccountKey> chats, Set<String> hashtags) {
    Instant seen = T0.plus(Duration.ofHours(3));
    return matcher.check(profile(id, name), new Activity(seen, Set.of(), List.of(), chats, hashtags));
  }

  @Test
  void findsAGroupMemberWhoCameBackUnderTheSameNameToTheSameGroup() {
    suspend("user500000772", "Ines coffee", Set.of(peer("channel1400000000")), SLOGANS);

    Check check = firstPost("user500000773", "Ines coffee", Set.of(peer("channel1400000000")), Set.of("EmberWire"));

    assertThat(check.match()).map(Candidate::predecessor).contains(peer("user500000772"));
    assertThat(check.match().get().evidence(Evidence.Chats.class).get().shared()).isEqualTo(1);
    assertThat(check.match().get().evidence(Evidence.Writing.class).get().weight()).isPositive();
  }

  @Test
  void aNamesakeWritingInAnotherGroupIsNoMatch() {
    suspend("user500000772", "Ines coffee", Set.of(peer("channel1400000000")), SLOGANS);

    Check check = firstPost("user500003137", "Ines coffee", Set.of(peer("channel1400000004")), Set.of("rain", "books", "coffee"));

    assertThat(check.candidates()).extracting(Candidate::predecessor).contains(peer("user500000772"));
    assertThat(check.match()).isEmpty();
    assertThat(check.candidates().getFirst().evidence(Evidence.Chats.class).get().weight()).isNegative();
  }

  @Test
  void theSameNameAloneDoesNotMakeAUserAReturner() {
    suspend("user500000772", "Ines coffee", Set.of(peer("channel1400000000")), SLOGANS);

    Check check = firstPost("user500000773", "Ines coffee", Set.of(), Set.of());

    assertThat(check.match()).isEmpty();
  }

  @Test
  void aChannelThatKeepsItsTitleAndItsSlogansIsItsPredecessorsReturn() {
    suspend("channel1000001467", "Umm sky", Set.of(), SLOGANS);

    Check check = firstPost("channel1000001468", "Umm sky", Set.of(), Set.of("PaleLantern"));

    assertThat(check.match()).map(Candidate::predecessor).contains(peer("channel1000001467"));
  }

  @Test
  void aChannelTitleAloneIsNotEnough() {
    suspend("channel1000001467", "Umm sky", Set.of(), SLOGANS);

    Check check = firstPost("channel1000001468", "Umm sky", Set.of(), Set.of());

    assertThat(check.candidates()).isNotEmpty();
    assertThat(check.match()).isEmpty();
  }

  @Test
  void aUserIsNeverTheReturnOfAChannel() {
    suspend("channel1000001467", "Umm sky", Set.of(), SLOGANS);

    Check check = firstPost("user500001468", "Umm sky", Set.of(), SLOGANS);

    assertThat(check.candidates()).isEmpty();
  }

  @Test
  void theEarlierAccountsOfAChainDoNotCrowdItsName() {
    // Two accounts of one person, linked: the name is shared by them, not by strangers.
    suspended.add(profile("user500003687", "Nur north"), Set.of(peer("channel1400000000")), SLOGANS, T0.minus(Duration.ofDays(2)));
    book.link(peer("user500003687"), peer("user500003688"), 0.95, T0.minus(Duration.ofDays(1)));
    suspend("user500003688", "Nur north", Set.of(peer("channel1400000000")), SLOGANS);

    Check check = firstPost("user500003689", "Nur north", Set.of(peer("channel1400000000")), Set.of("EmberWire"));

    assertThat(check.match()).map(Candidate::predecessor).contains(peer("user500003688"));
    assertThat(check.match().get().evidence(Evidence.DisplayName.class).get().sharedBy()).isEqualTo(1);
  }
}
