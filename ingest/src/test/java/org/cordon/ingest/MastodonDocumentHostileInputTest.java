package org.cordon.ingest;

/** The same hostile input, as the JSON array the statuses endpoint answers with. */
class MastodonDocumentHostileInputTest extends MastodonHostileInputTest {
  @Override
  String documentStart() {
    return "[\n";
  }

  @Override
  String between() {
    return ",\n";
  }

  @Override
  String documentEnd() {
    return "\n]";
  }
}
