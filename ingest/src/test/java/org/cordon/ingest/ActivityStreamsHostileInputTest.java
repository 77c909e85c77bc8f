package org.cordon.ingest;

import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

class ActivityStreamsHostileInputTest extends ConnectorContract {
  @Override
  String format() {
    return "activitystreams";
  }

  @Override
  String record(String id, String textLiteral) {
    return "{\"type\":\"Create\",\"actor\":\"https://lantern.social/users/herald\",\"published\":\"2024-01-01T00:00:00Z\","
        + "\"object\":{\"id\":" + JsonRecords.MAPPER.writeValueAsString("https://lantern.social/n/" + id)
        + ",\"type\":\"Note\",\"content\":" + textLiteral + "}}";
  }

  @Override
  String recordWithoutId() {
    return "{\"type\":\"Create\",\"actor\":\"https://lantern.social/users/herald\",\"published\":\"2024-01-01T00:00:00Z\","
        + "\"object\":{\"type\":\"Note\",\"content\":\"lorem\"}}";
  }

  @Override
  PostKey postKey(String id) {
    return PostKey.of(Platform.MASTODON, "https://lantern.social/n/" + id);
  }

  @Override
  String documentStart() {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"OrderedCollection\",\"orderedItems\":[\n";
  }

  @Override
  String between() {
    return ",\n";
  }

  @Override
  String documentEnd() {
    return "\n]}";
  }
}
