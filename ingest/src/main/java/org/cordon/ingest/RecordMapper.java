package org.cordon.ingest;

import java.util.List;
import org.cordon.core.model.Observed;
import tools.jackson.databind.JsonNode;

/** Turns one decoded record into what it observes, or throws {@link RecordProblem}. */
@FunctionalInterface
interface RecordMapper {
  List<Observed> map(JsonNode record);
}
