package org.cordon.model.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cordon.model.classifier.ModelFiles;
import org.cordon.model.classifier.ModelFormatException;
import org.cordon.model.classifier.ModelHeader;
import org.cordon.model.classifier.TrainedModel;
import org.cordon.model.features.TextNormalisers;

/**
 * Models kept in one directory, one file per model named after its id ({@code <id>.model}), and a
 * {@code CURRENT} file naming the model triage uses. Files are written to a temporary name and
 * moved into place, so a crash never leaves a half-written model under a real name.
 */
public final class ModelRegistry {
  static final String SUFFIX = ".model";
  static final String CURRENT = "CURRENT";
  private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{6,64}");

  private final Path directory;
  private final UnaryOperator<String> normaliser;
  private final String normaliserName;

  /**
   * @param normaliser the text normaliser models loaded from here will use
   * @param normaliserName its name; a model trained with another normaliser is refused, since its
   *     features would not match
   */
  public ModelRegistry(Path directory, UnaryOperator<String> normaliser, String normaliserName) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    this.normaliserName = Objects.requireNonNull(normaliserName, "normaliserName");
  }

  /** A registry whose models use the built-in NFKC + lowercase normaliser. */
  public static ModelRegistry withDefaultNormaliser(Path directory) {
    return new ModelRegistry(directory, TextNormalisers.nfkcLowercase(), TextNormalisers.DEFAULT_NAME);
  }

  public Path directory() {
    return directory;
  }

  /** Saves the model under its id; saving the same model twice changes nothing. */
  public Path save(TrainedModel model) throws IOException {
    Files.createDirectories(directory);
    Path target = directory.resolve(model.id() + SUFFIX);
    if (Files.exists(target)) {
      return target;
    }
    Path temporary = Files.createTempFile(directory, "saving-", ".tmp");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary))) {
        ModelFiles.write(model, out);
      }
      moveIntoPlace(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }

  /** Loads a model by its id or a unique prefix of it (at least 6 hex digits). */
  public TrainedModel load(String idOrPrefix) throws IOException {
    Path file = resolve(idOrPrefix);
    TrainedModel model = load(file);
    if (!model.id().startsWith(idOrPrefix)) {
      throw new ModelFormatException(file + " holds model " + model.id() + ", not " + idOrPrefix + " (the file was renamed or replaced)");
    }
    return model;
  }

  /** Loads a model file from anywhere. */
  public TrainedModel load(Path file) throws IOException {
    TrainedModel model;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      model = ModelFiles.read(in, normaliser);
    } catch (ModelFormatException e) {
      throw new ModelFormatException(file + ": " + e.getMessage());
    }
    String trainedWith = model.classifier().features().normaliser();
    if (!trainedWith.equals(normaliserName)) {
      throw new ModelFormatException(file + ": model " + model.id() + " was trained with the normaliser '" + trainedWith
          + "' but this Cordon normalises with '" + normaliserName + "'; retrain the model");
    }
    return model;
  }

  /** The headers of every readable model, oldest first; unreadable files are left out. */
  public List<ModelHeader> list() throws IOException {
    List<ModelHeader> headers = new ArrayList<>();
    for (Path file : modelFiles()) {
      try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
        headers.add(ModelFiles.readHeader(in));
      } catch (ModelFormatException e) {
        // a damaged file is reported when someone loads it; listing shows what can be used
      }
    }
    headers.sort(Comparator.comparing(ModelHeader::createdAt).thenComparing(ModelHeader::modelId));
    return headers;
  }

  /** Makes the model the one triage uses; it must load cleanly first. */
  public void markCurrent(String idOrPrefix) throws IOException {
    TrainedModel model = load(idOrPrefix);
    Path temporary = Files.createTempFile(directory, "current-", ".tmp");
    try {
      Files.writeString(temporary, model.id() + "\n", StandardCharsets.US_ASCII);
      moveIntoPlace(temporary, directory.resolve(CURRENT));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  public Optional<String> currentId() throws IOException {
    try {
      String id = Files.readString(directory.resolve(CURRENT), StandardCharsets.US_ASCII).strip();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  public Optional<TrainedModel> current() throws IOException {
    Optional<String> id = currentId();
    return id.isPresent() ? Optional.of(load(id.get())) : Optional.empty();
  }

  private Path resolve(String idOrPrefix) throws IOException {
    if (!ID_PREFIX.matcher(idOrPrefix).matches()) {
      throw new IllegalArgumentException("a model id is 6 to 64 lowercase hex digits: '" + idOrPrefix + "'");
    }
    List<Path> matches = modelFiles().stream().filter(p -> p.getFileName().toString().startsWith(idOrPrefix)).toList();
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("no model " + idOrPrefix + " in " + directory + "; 'cordon model list' shows the models there");
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException("model id prefix " + idOrPrefix + " is ambiguous in " + directory + "; give more digits");
    }
    return matches.getFirst();
  }

  private List<Path> modelFiles() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  private static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
