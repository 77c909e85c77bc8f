package org.cordon.model.data;

/** The file cannot be read as labelled data at all (not CSV, no text/label header, no good row). */
public final class NotLabelledDataException extends RuntimeException {
  NotLabelledDataException(String message) {
    super(message);
  }
}
