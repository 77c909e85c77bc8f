package org.cordon.ingest;

import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

class MastodonHostileInputTest extends ConnectorContract {
  @Override
  String format() {
    return "mastodon";
  }

  @Override
  String record(String id, String textLiteral) {
    return "{\"id\":" + JsonRecords.MAPPER.writeValueAsString(id) + ",\"uri\":\"https://lantern.social/users/u/statuses/1\","
        + "\"created_at\":\"2024-01-01T00:00:00.000Z\",\"content\":" + textLiteral
        + ",\"account\":{\"id\":\"7\",\"acct\":\"u\",\"url\":\"https://lantern.social/@u\"}}";
  }

  @Override
  String recordWithoutId() {
    return "{\"uri\":\"https://lantern.social/s/1\",\"created_at\":\"2024-01-01T00:00:00Z\",\"content\":\"lorem\",\"account\":{\"id\":\"7\",\"acct\":\"u\"}}";
  }

  @Override
  PostKey postKey(String id) {
    return PostKey.of(Platform.MASTODON, "lantern.social/" + id);
  }
}
