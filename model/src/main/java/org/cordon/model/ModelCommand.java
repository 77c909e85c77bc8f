package org.cordon.model;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.cordon.model.classifier.ModelFormatException;
import org.cordon.model.classifier.ModelHeader;
import org.cordon.model.classifier.TrainedModel;
import org.cordon.model.classifier.Trainer;
import org.cordon.model.classifier.TrainingOptions;
import org.cordon.model.data.DataFormat;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledDataReader;
import org.cordon.model.data.NotLabelledDataException;
import org.cordon.model.data.SkippedRow;
import org.cordon.model.evaluation.EvaluationReport;
import org.cordon.model.features.FeatureConfig;
import org.cordon.model.features.TextNormalisers;
import org.cordon.model.registry.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cordon model train|evaluate|list|use}: trains the post classifier from a labelled CSV or
 * JSON-lines file, measures it by cross-validation, and manages the versioned models in a registry
 * directory. With {@code --json} a command prints exactly one JSON object on standard output.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Train, evaluate and manage the text classifier for posts.",
    subcommands = {
        ModelCommand.Train.class,
        ModelCommand.Evaluate.class,
        ModelCommand.ListModels.class,
        ModelCommand.Use.class
    })
public final class ModelCommand implements Runnable {
  static final String DEFAULT_REGISTRY = "data/models";
  private static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

  private final UnaryOperator<String> normaliser;
  private final String normaliserName;

  @Spec private CommandSpec spec;

  /** Uses the built-in NFKC + lowercase normaliser. */
  public ModelCommand() {
    this(TextNormalisers.nfkcLowercase(), TextNormalisers.DEFAULT_NAME);
  }

  /** @param normaliserName recorded in each model, so a model is used with the normaliser it was trained with */
  public ModelCommand(UnaryOperator<String> normaliser, String normaliserName) {
    this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    this.normaliserName = Objects.requireNonNull(normaliserName, "normaliserName");
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by training and evaluation. */
  static final class DataAndTraining {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled CSV (header text,label[,language]) or JSON lines.")
    Path data;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "File format (default: from the file name; .jsonl/.ndjson/.json are JSON lines).")
    Optional<DataFormat> format = Optional.empty();

    @Option(names = "--positive", paramLabel = "LABEL", description = "The label whose probability is the score (default: the rarest label).")
    Optional<String> positive = Optional.empty();

    @Option(names = "--epochs", description = "Passes over the training rows (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingOptions.DEFAULT.epochs();

    @Option(names = "--learning-rate", description = "AdaGrad learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingOptions.DEFAULT.learningRate();

    @Option(names = "--l2", description = "L2 regularisation (default: ${DEFAULT-VALUE}).")
    double l2 = TrainingOptions.DEFAULT.l2();

    @Option(names = "--buckets-log2", description = "Hashed feature space of 2^N buckets, 16..24 (default: ${DEFAULT-VALUE}).")
    int bucketsLog2 = FeatureConfig.DEFAULT.bucketsLog2();

    @Option(names = "--char-ngrams", paramLabel = "MIN..MAX", description = "Character n-gram lengths (default: ${DEFAULT-VALUE}).")
    String charNgrams = FeatureConfig.DEFAULT.charMin() + ".." + FeatureConfig.DEFAULT.charMax();

    @Option(names = "--seed", description = "Seed for shuffling and fold assignment (default: ${DEFAULT-VALUE}).")
    long seed = TrainingOptions.DEFAULT.seed();

    @Option(names = "--threads", description = "Folds trained at once (default: the number of processors, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-field-bytes", description = "Rows with a longer field are skipped (default: ${DEFAULT-VALUE}).")
    int maxFieldBytes = LabelledDataReader.DEFAULT_MAX_FIELD_BYTES;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    TrainingOptions options(String normaliserName) {
      String[] range = charNgrams.split("\\.\\.");
      if (range.length != 2) {
        throw new IllegalArgumentException("--char-ngrams is MIN..MAX, e.g. 2..5; got " + charNgrams);
      }
      FeatureConfig features = new FeatureConfig(bucketsLog2, Integer.parseInt(range[0].strip()), Integer.parseInt(range[1].strip()),
          FeatureConfig.DEFAULT.wordBigrams(), FeatureConfig.DEFAULT.maxChars(), normaliserName);
      return TrainingOptions.DEFAULT.withEpochs(epochs).withLearningRate(learningRate).withL2(l2).withSeed(seed)
          .withPositiveLabel(positive).withFeatures(features);
    }

    LabelledData read(PrintWriter err) throws IOException {
      LabelledData labelled = new LabelledDataReader(maxFieldBytes).read(data, format.orElseGet(() -> DataFormat.guess(data)));
      if (labelled.skippedRows() > 0) {
        err.println("skipped " + labelled.skippedRows() + " bad rows of " + data + (labelled.skippedRows() > 10 ? "; the first 10:" : ":"));
        for (SkippedRow row : labelled.firstSkipped().subList(0, Math.min(10, labelled.firstSkipped().size()))) {
          err.println("  " + row);
        }
        err.flush();
      }
      return labelled;
    }
  }

  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Stratified K-fold cross-validation: precision, recall, F1, ROC-AUC, Brier score and a calibration table.")
  static final class Evaluate implements Callable<Integer> {
    @ParentCommand private ModelCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private DataAndTraining flags;

    @Option(names = "--folds", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Override
    public Integer call() {
      return parent.guarded(spec, () -> {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        LabelledData data = flags.read(spec.commandLine().getErr());
        EvaluationReport report = new Trainer(flags.options(parent.normaliserName), parent.normaliser).crossValidate(data, folds, flags.threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (flags.json) {
          Map<String, Object> json = new LinkedHashMap<>(report.toMap());
          json.put("seconds", Math.round(seconds * 1000) / 1000.0);
          json.put("data", flags.data.toString());
          json.put("data_sha256", data.sha256());
          out.println(JSON.writeValueAsString(json));
        } else {
          out.print(report.toTable());
          out.printf(Locale.ROOT, "%ntotal %.1f s including reading %s%n", seconds, flags.data);
        }
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train a classifier on every row, after measuring it by cross-validation, save it in the registry and make it current.")
  static final class Train implements Callable<Integer> {
    @ParentCommand private ModelCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private DataAndTraining flags;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry directory (default: ${DEFAULT-VALUE}).")
    Path registry = Path.of(DEFAULT_REGISTRY);

    @Option(names = "--folds", description = "Cross-validation folds measured before training; 0 skips it (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--no-current", description = "Save the model without making it the current one.")
    boolean notCurrent;

    @Override
    public Integer call() {
      return parent.guarded(spec, () -> {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        LabelledData data = flags.read(spec.commandLine().getErr());
        Trainer trainer = new Trainer(flags.options(parent.normaliserName), parent.normaliser);
        Optional<EvaluationReport> evaluation = folds == 0 ? Optional.empty() : Optional.of(trainer.crossValidate(data, folds, flags.threads));
        TrainedModel model = trainer.train(data, evaluation, Instant.now());
        ModelRegistry models = new ModelRegistry(registry, parent.normaliser, parent.normaliserName);
        Path file = models.save(model);
        if (!notCurrent) {
          models.markCurrent(model.id());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (flags.json) {
          Map<String, Object> json = new LinkedHashMap<>(evaluation.map(EvaluationReport::toMap).orElseGet(LinkedHashMap::new));
          json.put("model_id", model.id());
          json.put("model_file", file.toString());
          json.put("current", !notCurrent);
          json.put("rows", (long) data.examples().size());
          json.put("skipped_rows", data.skippedRows());
          json.put("seconds", Math.round(seconds * 1000) / 1000.0);
          out.println(JSON.writeValueAsString(json));
        } else {
          evaluation.ifPresent(e -> out.println(e.toTable()));
          out.printf(Locale.ROOT, "model %s%n  file %s%s%n  labels %s, positive '%s'%n  trained on %d rows (%d skipped) in %.1f s%n",
              model.id(), file, notCurrent ? "" : " (current)", model.header().labelCounts(), model.header().positiveLabel(),
              data.examples().size(), data.skippedRows(), seconds);
        }
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the models in the registry, oldest first.")
  static final class ListModels implements Callable<Integer> {
    @ParentCommand private ModelCommand parent;
    @Spec private CommandSpec spec;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry directory (default: ${DEFAULT-VALUE}).")
    Path registry = Path.of(DEFAULT_REGISTRY);

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
      return parent.guarded(spec, () -> {
        ModelRegistry models = new ModelRegistry(registry, parent.normaliser, parent.normaliserName);
        List<ModelHeader> headers = models.list();
        Optional<String> current = models.currentId();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          List<Map<String, Object>> rows = headers.stream().map(h -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model_id", h.modelId());
            row.put("created_at", h.createdAt().toString());
            row.put("current", current.filter(h.modelId()::equals).isPresent());
            row.put("labels", h.labelCounts());
            row.put("positive_label", h.positiveLabel());
            row.put("rows", h.trainingData().rows());
            row.put("roc_auc", h.rocAuc().orElse(null));
            return row;
          }).toList();
          out.println(JSON.writeValueAsString(Map.of("models", rows)));
        } else {
          for (ModelHeader h : headers) {
            out.printf(Locale.ROOT, "%s %s  %s  %d rows from %s  positive '%s'  ROC-AUC %s%n",
                current.filter(h.modelId()::equals).isPresent() ? "*" : " ", h.modelId().substring(0, 16), h.createdAt(),
                h.trainingData().rows(), h.trainingData().source(), h.positiveLabel(),
                h.rocAuc().map(a -> String.format(Locale.ROOT, "%.4f", a)).orElse("-"));
          }
          if (headers.isEmpty()) {
            out.println("no models in " + registry);
          }
        }
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a model the current one (by id or unique prefix).")
  static final class Use implements Callable<Integer> {
    @ParentCommand private ModelCommand parent;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Model id or a unique prefix of at least 6 hex digits.")
    String id;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry directory (default: ${DEFAULT-VALUE}).")
    Path registry = Path.of(DEFAULT_REGISTRY);

    @Override
    public Integer call() {
      return parent.guarded(spec, () -> {
        ModelRegistry models = new ModelRegistry(registry, parent.normaliser, parent.normaliserName);
        models.markCurrent(id);
        spec.commandLine().getOut().println("current model: " + models.currentId().orElseThrow());
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }

  @FunctionalInterface
  private interface Job {
    int run() throws IOException;
  }

  /** Turns the errors a user can fix into one line on standard error and exit code 1 or 2. */
  private int guarded(CommandSpec command, Job job) {
    PrintWriter err = command.commandLine().getErr();
    try {
      return job.run();
    } catch (NotLabelledDataException | ModelFormatException | IllegalArgumentException e) {
      err.println("cordon model " + command.name() + ": " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException e) {
      err.println("cordon model " + command.name() + ": cannot read or write a file: " + e);
      err.flush();
      return 1;
    }
  }

  /** For running the module on its own: {@code java -cp ... org.cordon.model.ModelCommand evaluate ...}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ModelCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
