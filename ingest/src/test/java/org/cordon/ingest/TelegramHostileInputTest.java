package org.cordon.ingest;

import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

class TelegramHostileInputTest extends ConnectorContract {
  @Override
  String format() {
    return "telegram-export";
  }

  @Override
  String record(String id, String textLiteral) {
    return "{\"id\":" + JsonRecords.MAPPER.writeValueAsString(id) + ",\"type\":\"message\",\"date\":\"2024-03-01T11:00:00\","
        + "\"date_unixtime\":\"1709290800\",\"from\":\"Northern Lantern Front\",\"from_id\":\"channel1500000001\","
        + "\"text\":" + textLiteral + "}";
  }

  @Override
  String recordWithoutId() {
    return "{\"type\":\"message\",\"date_unixtime\":\"1709290800\",\"from_id\":\"channel1500000001\",\"text\":\"lorem\"}";
  }

  @Override
  PostKey postKey(String id) {
    return PostKey.of(Platform.TELEGRAM, "1500000001/" + id);
  }

  @Override
  String documentStart() {
    return "{\n \"name\": \"Northern Lantern Front\",\n \"type\": \"public_channel\",\n \"id\": 1500000001,\n \"messages\": [\n  ";
  }

  @Override
  String between() {
    return ",\n  ";
  }

  @Override
  String documentEnd() {
    return "\n ]\n}\n";
  }
}
