package org.cordon.ingest;

import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

class XV1HostileInputTest extends ConnectorContract {
  @Override
  String format() {
    return "x-v1";
  }

  @Override
  String record(String id, String textLiteral) {
    return "{\"id_str\":" + JsonRecords.MAPPER.writeValueAsString(id) + ",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\","
        + "\"text\":" + textLiteral + ",\"user\":{\"id_str\":\"7\",\"screen_name\":\"lantern_herald\"}}";
  }

  @Override
  String recordWithoutId() {
    return "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"lorem\",\"user\":{\"id_str\":\"7\",\"screen_name\":\"x\"}}";
  }

  @Override
  PostKey postKey(String id) {
    return PostKey.of(Platform.X, id);
  }
}
