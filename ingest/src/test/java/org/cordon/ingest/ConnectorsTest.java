package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cordon.core.ingest.Connector;
import org.junit.jupiter.api.Test;

class ConnectorsTest {
  @Test
  void listsTheSixFormatsByTheirPersistedNames() {
    assertThat(Connectors.all()).extracting(connector -> connector.format().name())
        .containsExactly("x-v2", "x-v1", "telegram-export", "mastodon", "activitystreams", "cordon-jsonl");
    assertThat(Connectors.names()).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void findsAConnectorByItsFormatName() {
    Connector connector = Connectors.forFormat("telegram-export");

    assertThat(connector.format().name()).isEqualTo("telegram-export");
  }

  @Test
  void namesTheKnownFormatsWhenANameIsUnknown() {
    assertThatThrownBy(() -> Connectors.forFormat("myspace"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'myspace'")
        .hasMessageContaining("x-v2, x-v1, telegram-export, mastodon, activitystreams, cordon-jsonl");
  }

  @Test
  void refusesARecordSizeLimitThatIsNotPositive() {
    assertThatThrownBy(() -> Connectors.all(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appliesTheGivenRecordSizeLimit() {
    String line = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\",\"to_id\":\"2\"}";

    assertThat(RecordingSink.read(Connectors.forFormat("cordon-jsonl", line.length()), line).outline()).containsExactly("ok");
    assertThat(RecordingSink.read(Connectors.forFormat("cordon-jsonl", line.length() - 1), line).outline())
        .containsExactly("TOO_LARGE");
  }
}
