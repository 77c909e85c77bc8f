package org.cordon.app.runtime;

import java.util.function.UnaryOperator;
import org.cordon.text.Normaliser;

/**
 * The normalisation every trained text model of this build sees, and its name. A model remembers
 * the name it was trained under and refuses to load under another, so changing what the
 * normaliser does means a new name here (and retraining).
 */
public final class TextModels {
  private TextModels() {}

  public static final String NORMALISER_NAME = "cordon-text-1";

  public static final UnaryOperator<String> NORMALISER = Normaliser.standard()::fold;
}
