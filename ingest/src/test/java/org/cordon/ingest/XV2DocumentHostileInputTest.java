package org.cordon.ingest;

/** The same hostile input, as one JSON array of responses instead of lines. */
class XV2DocumentHostileInputTest extends XV2HostileInputTest {
  @Override
  String documentStart() {
    return "[\n  ";
  }

  @Override
  String between() {
    return ",\n  ";
  }

  @Override
  String documentEnd() {
    return "\n]\n";
  }
}
