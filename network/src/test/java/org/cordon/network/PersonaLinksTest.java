package org.cordon.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.junit.jupiter.api.Test;

class PersonaLinksTest {

  private static Account account(Platform platform, String id, String handle, String name) {
    return new Account(AccountKey.of(platform, id), handle, Optional.of(name), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  @Test
  void linksTheSameHandleAcrossPlatformsAReturnSuffixAndAUniqueDisplayName() {
    PersonaLinks links = new PersonaLinks();
    links.accept(account(Platform.X, "1", "nur_oasis07b", "Nur oasis"));
    links.accept(account(Platform.MASTODON, "h/1", "Nur_Oasis07b", "Nur oasis"));
    links.accept(account(Platform.X, "2", "lantern_light000", "Lantern Light Media"));
    links.accept(account(Platform.X, "3", "lantern_light000_1", "Lantern Light Media"));
    links.accept(account(Platform.TELEGRAM, "channel9", "channel9", "Lantern\u200B Light Media"));
    links.accept(account(Platform.X, "4", "someone_else", "Sam"));

    List<PersonaLinks.Link> found = links.links();

    assertThat(found).anySatisfy(link -> {
      assertThat(List.of(link.one().id(), link.other().id())).containsExactlyInAnyOrder("1", "h/1");
      assertThat(link.confidence()).isEqualTo(0.9);
    });
    assertThat(found).anySatisfy(link -> {
      assertThat(List.of(link.one().id(), link.other().id())).containsExactlyInAnyOrder("2", "3");
      assertThat(link.evidence()).contains("stem");
    });
    // The display name is shared by two X accounts, so it is not unique on X and links nothing.
    assertThat(found).noneSatisfy(link -> assertThat(link.one().id() + link.other().id()).contains("channel9"));
    assertThat(found).noneSatisfy(link -> assertThat(link.one().id() + link.other().id()).contains("4"));
  }

  @Test
  void aTelegramHandleThatIsOnlyTheIdLinksNothing() {
    PersonaLinks links = new PersonaLinks();
    links.accept(account(Platform.TELEGRAM, "user500", "user500", "A"));
    links.accept(account(Platform.X, "user500", "user500", "B"));

    assertThat(links.links()).isEmpty();
  }
}
