package org.cordon.core.ingest;

/** Where a connector delivers what it reads, record by record, in input order. */
public interface RecordSink {
  void accept(ParsedRecord record);

  void reject(Rejection rejection);
}
