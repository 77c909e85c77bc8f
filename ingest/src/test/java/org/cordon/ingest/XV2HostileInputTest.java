package org.cordon.ingest;

import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

class XV2HostileInputTest extends ConnectorContract {
  @Override
  String format() {
    return "x-v2";
  }

  @Override
  String record(String id, String textLiteral) {
    return "{\"data\":{\"id\":" + JsonRecords.MAPPER.writeValueAsString(id) + ",\"author_id\":\"7\","
        + "\"created_at\":\"2024-01-01T00:00:00.000Z\",\"text\":" + textLiteral + "}}";
  }

  @Override
  String recordWithoutId() {
    return "{\"data\":{\"author_id\":\"7\",\"created_at\":\"2024-01-01T00:00:00.000Z\",\"text\":\"lorem\"}}";
  }

  @Override
  PostKey postKey(String id) {
    return PostKey.of(Platform.X, id);
  }
}
