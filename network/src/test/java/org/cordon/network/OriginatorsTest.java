package org.cordon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;

class OriginatorsTest {
  private static final Instant T0 = Instant.parse("2014-09-01T06:00:00Z");
  private static final AccountKey OUTLET_TELEGRAM = AccountKey.of(Platform.TELEGRAM, "channel1");
  private static final AccountKey OUTLET_X = AccountKey.of(Platform.X, "100");
  private static final AccountKey FAN = AccountKey.of(Platform.X, "200");
  private static final AccountKey STRANGER = AccountKey.of(Platform.X, "300");

  @Test
  void theFirstPosterIsTheOriginAndHopsFollowSharesLinksAndPersonas() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    graph.linkIdentity(OUTLET_TELEGRAM, OUTLET_X, 0.9, Optional.empty());
    graph.accept(new org.cordon.core.model.Interaction.Follow(FAN, OUTLET_X, Optional.empty()));
    graph.accept(new org.cordon.core.model.Interaction.Follow(STRANGER, AccountKey.of(Platform.X, "400"), Optional.empty()));
    GraphSnapshot snapshot = graph.snapshot(java.util.EnumSet.allOf(EdgeKind.class));
    PostKey first = PostKey.of(Platform.TELEGRAM, "1/1");
    PostKey onX = PostKey.of(Platform.X, "9");
    List<Originators.Appearance> appearances = List.of(
        new Originators.Appearance(PostKey.of(Platform.X, "12"), STRANGER, T0.plusSeconds(3600), Optional.empty()),
        new Originators.Appearance(PostKey.of(Platform.X, "11"), FAN, T0.plusSeconds(900), Optional.of(onX)),
        new Originators.Appearance(onX, OUTLET_X, T0.plusSeconds(300), Optional.empty()),
        new Originators.Appearance(first, OUTLET_TELEGRAM, T0, Optional.empty()));

    Originators.Spread spread = Originators.trace(appearances, snapshot);

    assertThat(spread.origin().account()).isEqualTo(OUTLET_TELEGRAM);
    assertThat(spread.hops()).extracting(hop -> hop.appearance().account())
        .containsExactly(OUTLET_TELEGRAM, OUTLET_X, FAN, STRANGER);
    Originators.Hop crossPlatform = spread.hops().get(1);
    assertThat(crossPlatform.evidence()).isEqualTo(Originators.Evidence.LINKED_EARLIER_POSTER);
    assertThat(crossPlatform.parent()).contains(first);
    assertThat(crossPlatform.sinceParent()).isEqualTo(Duration.ofMinutes(5));
    Originators.Hop share = spread.hops().get(2);
    assertThat(share.evidence()).isEqualTo(Originators.Evidence.SHARED_FROM);
    assertThat(share.depth()).isEqualTo(2);
    assertThat(share.sinceParent()).isEqualTo(Duration.ofMinutes(10));
    assertThat(share.sinceOrigin()).isEqualTo(Duration.ofMinutes(15));
    assertThat(spread.hops().get(3).evidence()).isEqualTo(Originators.Evidence.EARLIEST_POSTER_GUESSED);
    assertThat(spread.firstArrivalByPlatform()).containsEntry(Platform.TELEGRAM, Duration.ZERO)
        .containsEntry(Platform.X, Duration.ofMinutes(5));
    assertThat(spread.explanation()).contains("posted it first");
  }

  @Test
  void anItemWithoutAppearancesIsRefused() {
    GraphSnapshot empty = new AccountGraph(Bounding.everything()).snapshot(java.util.EnumSet.allOf(EdgeKind.class));

    assertThatThrownBy(() -> Originators.trace(List.of(), empty)).isInstanceOf(IllegalArgumentException.class);
  }
}
