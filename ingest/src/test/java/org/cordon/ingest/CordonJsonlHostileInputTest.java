package org.cordon.ingest;

import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

class CordonJsonlHostileInputTest extends ConnectorContract {
  @Override
  String format() {
    return "cordon-jsonl";
  }

  @Override
  String record(String id, String textLiteral) {
    return "{\"kind\":\"post\",\"platform\":\"x\",\"id\":" + JsonRecords.MAPPER.writeValueAsString(id)
        + ",\"author_id\":\"7\",\"posted_at\":\"2024-01-01T00:00:00Z\",\"text\":" + textLiteral + "}";
  }

  @Override
  String recordWithoutId() {
    return "{\"kind\":\"post\",\"platform\":\"x\",\"author_id\":\"7\",\"posted_at\":\"2024-01-01T00:00:00Z\",\"text\":\"lorem\"}";
  }

  @Override
  PostKey postKey(String id) {
    return PostKey.of(Platform.X, id);
  }
}
