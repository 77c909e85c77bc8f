package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cordon.lineage.Profiles.T0;
import static org.cordon.lineage.Profiles.key;
import static org.cordon.lineage.Profiles.profile;

import java.util.List;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;

class ShoutoutReaderTest {
  private final SuspendedAccounts suspended = new SuspendedAccounts();
  private final ShoutoutReader reader = new ShoutoutReader(suspended);

  private static Post post(String text, List<String> mentions, List<String> links) {
    return new Post(PostKey.of(Platform.X, "p1"), key("announcer"), T0.plusSeconds(600), text, Optional.empty(),
        Optional.empty(), List.of(), List.of(), mentions, links, List.of());
  }

  @Test
  void aMentionOfTheNewAccountNamingTheSuspendedOneIsAShoutout() {
    suspended.add(profile("1", "lantern_light000", null, null, T0.minusSeconds(86_400)), List.of(), T0);

    List<ShoutoutReader.Announcement> found = reader.read(post(
        "Follow the brothers again @lantern_light000_1 (lantern_light000) #placeholder", List.of("lantern_light000_1"), List.of()));

    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.announcedHandle()).isEqualTo("lantern_light000_1");
      assertThat(a.shoutout().namedHandles()).containsExactly("lantern_light000");
      assertThat(a.shoutout().announcer()).isEqualTo(key("announcer"));
    });
  }

  @Test
  void aProfileLinkAnnouncesTheHandleInItsPath() {
    suspended.add(profile("1", "ember_wire001", null, null, T0.minusSeconds(86_400)), List.of(), T0);

    List<ShoutoutReader.Announcement> found = reader.read(post("new home https://t.range.invalid/ember_wire001_1 (ember_wire001)",
        List.of(), List.of("https://t.range.invalid/ember_wire001_1")));

    assertThat(found).extracting(ShoutoutReader.Announcement::announcedHandle).containsExactly("ember_wire001_1");
  }

  @Test
  void aMentionWithoutAnySuspendedHandleIsNotAShoutout() {
    suspended.add(profile("1", "lantern_light000", null, null, T0.minusSeconds(86_400)), List.of(), T0);

    assertThat(reader.read(post("good morning @friend how are you", List.of("friend"), List.of()))).isEmpty();
    assertThat(reader.read(post("lantern_light000 was suspended again", List.of(), List.of()))).isEmpty();
  }
  @Test
  void aRetweetChainNamingASuspendedAuthorIsNotAShoutout() {
    suspended.add(profile("1", "linariver2o4", null, null, T0.minusSeconds(86_400)), List.of(), T0);

    List<ShoutoutReader.Announcement> found = reader.read(post("RT @inescedar2mc_1: RT @linariver2o4: Carry the light forward.",
        List.of("inescedar2mc_1", "linariver2o4"), List.of()));

    assertThat(found).isEmpty();
  }
}
