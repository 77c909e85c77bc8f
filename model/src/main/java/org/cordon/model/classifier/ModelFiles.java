package org.cordon.model.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cordon.model.features.FeatureConfig;
import org.cordon.model.features.FeatureHasher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model file: the magic {@code CORDONTC}, the format version, a JSON header (for people and
 * for listing without loading weights) and a binary body (feature settings, labels, calibration,
 * non-zero weights). The model id is the SHA-256 of the body; loading recomputes it, so a damaged
 * or truncated file is refused rather than scoring wrongly.
 */
public final class ModelFiles {
  public static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = "CORDONTC".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER_BYTES = 4 << 20;
  private static final long MAX_BODY_BYTES = 1L << 30;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ModelFiles() {}

  public static void write(TrainedModel model, OutputStream out) throws IOException {
    byte[] header = JSON.writeValueAsBytes(headerMap(model.header()));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeBody(model.classifier(), new DataOutputStream(body));
    DataOutputStream data = new DataOutputStream(out);
    data.write(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeInt(header.length);
    data.write(header);
    data.writeLong(body.size());
    body.writeTo(data);
    data.flush();
  }

  /** Reads only the header, for listing models without loading their weights. */
  public static ModelHeader readHeader(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    try {
      return parseHeader(readHeaderBytes(data));
    } catch (EOFException e) {
      throw new ModelFormatException("the model file is truncated (it ends inside the header)", e);
    }
  }

  public static TrainedModel read(InputStream in, UnaryOperator<String> normaliser) throws IOException {
    DataInputStream data = new DataInputStream(in);
    ModelHeader header;
    byte[] body;
    try {
      header = parseHeader(readHeaderBytes(data));
      long bodyLength = data.readLong();
      if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
        throw new ModelFormatException("the model file is damaged: its weights claim " + bodyLength + " bytes");
      }
      body = data.readNBytes((int) bodyLength);
      if (body.length != bodyLength) {
        throw new ModelFormatException("the model file is truncated: " + body.length + " of " + bodyLength + " bytes of weights");
      }
    } catch (EOFException e) {
      throw new ModelFormatException("the model file is truncated (it ends inside the header)", e);
    }
    String digest = HexFormat.of().formatHex(newDigest().digest(body));
    if (!digest.equals(header.modelId())) {
      throw new ModelFormatException("the model file is damaged: its weights digest to " + digest + " but the header names model " + header.modelId());
    }
    TextClassifier classifier;
    try {
      classifier = readBody(new DataInputStream(new ByteArrayInputStream(body)), normaliser);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException("the model file is damaged: its weights cannot be read (" + e.getMessage() + ")", e);
    }
    return new TrainedModel(header, classifier);
  }

  static String digestOfBody(TextClassifier classifier) {
    MessageDigest digest = newDigest();
    try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      writeBody(classifier, out);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a digest cannot fail", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] readHeaderBytes(DataInputStream data) throws IOException {
    byte[] magic = data.readNBytes(MAGIC.length);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new ModelFormatException("not a Cordon model file (it does not start with CORDONTC); give a file written by 'cordon model train'");
    }
    int version = data.readInt();
    if (version != FORMAT_VERSION) {
      throw new ModelFormatException("model format version " + version + " is not supported; this Cordon reads version " + FORMAT_VERSION
          + " (retrain the model with this version)");
    }
    int headerLength = data.readInt();
    if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
      throw new ModelFormatException("the model file is damaged: its header claims " + headerLength + " bytes");
    }
    byte[] header = data.readNBytes(headerLength);
    if (header.length != headerLength) {
      throw new ModelFormatException("the model file is truncated: " + header.length + " of " + headerLength + " header bytes");
    }
    return header;
  }

  private static Map<String, Object> headerMap(ModelHeader header) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("format_version", header.formatVersion());
    map.put("model_id", header.modelId());
    map.put("created_at", header.createdAt().toString());
    map.put("labels", header.labelCounts());
    map.put("positive_label", header.positiveLabel());
    map.put("hyperparameters", header.hyperparameters());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", header.trainingData().source());
    data.put("sha256", header.trainingData().sha256());
    data.put("rows", header.trainingData().rows());
    data.put("skipped_rows", header.trainingData().skippedRows());
    map.put("training_data", data);
    header.evaluation().ifPresent(e -> map.put("evaluation", e));
    return map;
  }

  @SuppressWarnings("unchecked")
  private static ModelHeader parseHeader(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      Map<String, Long> labels = new LinkedHashMap<>();
      node.required("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asLong()));
      JsonNode data = node.required("training_data");
      JsonNode evaluation = node.path("evaluation");
      return new ModelHeader(
          node.required("format_version").asInt(),
          node.required("model_id").asString(),
          Instant.parse(node.required("created_at").asString()),
          labels,
          node.required("positive_label").asString(),
          JSON.convertValue(node.required("hyperparameters"), Map.class),
          new TrainingDataDescription(data.required("source").asString(), data.required("sha256").asString(),
              data.required("rows").asLong(), data.required("skipped_rows").asLong()),
          evaluation.isObject() ? Optional.of(JSON.convertValue(evaluation, Map.class)) : Optional.empty());
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      throw new ModelFormatException("the model file is damaged: its header is not valid (" + e.getMessage() + ")", e);
    }
  }

  private static void writeBody(TextClassifier classifier, DataOutputStream out) throws IOException {
    FeatureConfig features = classifier.features();
    out.writeInt(features.bucketsLog2());
    out.writeInt(features.charMin());
    out.writeInt(features.charMax());
    out.writeBoolean(features.wordBigrams());
    out.writeInt(features.maxChars());
    out.writeUTF(features.normaliser());
    out.writeInt(classifier.labels().size());
    for (String label : classifier.labels()) {
      out.writeUTF(label);
    }
    out.writeInt(classifier.positiveLabelIndex());
    LinearModel model = classifier.model();
    PlattScaling[] calibration = classifier.calibration();
    out.writeInt(model.scoredLabels.length);
    for (int k = 0; k < model.scoredLabels.length; k++) {
      out.writeInt(model.scoredLabels[k]);
      out.writeDouble(calibration[k].a());
      out.writeDouble(calibration[k].b());
      out.writeFloat(model.bias[k]);
      float[] weights = model.weights[k];
      int nonZero = 0;
      for (float w : weights) {
        if (w != 0) {
          nonZero++;
        }
      }
      ByteBuffer buffer = ByteBuffer.allocate(nonZero * 8);
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] != 0) {
          buffer.putInt(i);
        }
      }
      for (float w : weights) {
        if (w != 0) {
          buffer.putFloat(w);
        }
      }
      out.writeInt(nonZero);
      out.write(buffer.array());
    }
    out.flush();
  }

  private static TextClassifier readBody(DataInputStream in, UnaryOperator<String> normaliser) throws IOException {
    FeatureConfig features = new FeatureConfig(in.readInt(), in.readInt(), in.readInt(), in.readBoolean(), in.readInt(), in.readUTF());
    int labelCount = in.readInt();
    if (labelCount < 2 || labelCount > 100_000) {
      throw new IOException("label count " + labelCount);
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < labelCount; i++) {
      labels.add(in.readUTF());
    }
    int positive = in.readInt();
    int scored = in.readInt();
    if (positive < 0 || positive >= labelCount || scored < 1 || scored > labelCount) {
      throw new IOException("positive label " + positive + ", scored labels " + scored);
    }
    int dimensions = features.dimensions();
    int[] scoredLabels = new int[scored];
    float[][] weights = new float[scored][];
    float[] bias = new float[scored];
    PlattScaling[] calibration = new PlattScaling[scored];
    for (int k = 0; k < scored; k++) {
      scoredLabels[k] = in.readInt();
      calibration[k] = new PlattScaling(in.readDouble(), in.readDouble());
      bias[k] = in.readFloat();
      int nonZero = in.readInt();
      if (scoredLabels[k] < 0 || scoredLabels[k] >= labelCount || nonZero < 0 || nonZero > dimensions) {
        throw new IOException("scored label " + scoredLabels[k] + " with " + nonZero + " weights");
      }
      ByteBuffer buffer = ByteBuffer.wrap(in.readNBytes(nonZero * 8));
      if (buffer.capacity() != nonZero * 8) {
        throw new EOFException("weights end early");
      }
      weights[k] = new float[dimensions];
      int[] indices = new int[nonZero];
      for (int j = 0; j < nonZero; j++) {
        indices[j] = buffer.getInt();
        if (indices[j] < 0 || indices[j] >= dimensions) {
          throw new IOException("weight index " + indices[j] + " outside " + dimensions);
        }
      }
      for (int j = 0; j < nonZero; j++) {
        weights[k][indices[j]] = buffer.getFloat();
      }
    }
    if (in.read() != -1) {
      throw new IOException("bytes after the weights");
    }
    return new TextClassifier(new FeatureHasher(features, normaliser), labels, positive, new LinearModel(scoredLabels, weights, bias), calibration);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
