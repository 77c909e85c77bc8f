package org.cordon.model.classifier;

/** A model file that cannot be loaded: not a model, another format version, truncated or damaged. */
public final class ModelFormatException extends RuntimeException {
  public ModelFormatException(String message) {
    super(message);
  }

  ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
