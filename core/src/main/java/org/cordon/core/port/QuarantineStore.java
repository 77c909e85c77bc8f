package org.cordon.core.port;

import org.cordon.core.ingest.Rejection;

/** Keeps every rejected record with its reason and position, so nothing read is lost. */
public interface QuarantineStore {
  void quarantine(String source, Rejection rejection);

  long count();
}
