/**
 * The trainable post classifier: {@link org.cordon.model.ClassifierDetector} scores posts in
 * triage, {@link org.cordon.model.ModelCommand} is {@code cordon model train|evaluate|list|use}.
 *
 * <p>Subpackages: {@code features} (hashed word and character n-grams), {@code data} (labelled
 * CSV and JSON lines), {@code classifier} (training, calibration, the model file),
 * {@code evaluation} (figures) and {@code registry} (versioned models in a directory).
 */
package org.cordon.model;
