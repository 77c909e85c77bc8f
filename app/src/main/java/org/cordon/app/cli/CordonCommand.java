package org.cordon.app.cli;

import org.cordon.detect.media.pdq.HashCommand;
import org.cordon.range.RangeBenchmarkCommand;
import org.cordon.range.RangeCommand;
import org.cordon.simulator.SimulatorCommand;
import org.cordon.store.DatabaseCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code cordon} command line: one subcommand per job, listed here. */
@Command(name = "cordon", mixinStandardHelpOptions = true, version = "cordon 0.1.0",
    description = "Cordon: find terrorist propaganda online, rank it, refer it, track its removal.",
    subcommands = {
        DemoCommand.class,
        ServeCommand.class,
        IngestCommand.class,
        AssessCommand.class,
        QueueCommand.class,
        DecideCommand.class,
        HashCommand.class,
        org.cordon.app.hashlist.HashListCommand.class,
        org.cordon.app.lexicon.LexiconCommand.class,
        DatabaseCommand.class,
        CommandLine.HelpCommand.class
    },
    footer = {"", "  ./cordon test      runs the whole test suite (handled by the launcher)."})
public final class CordonCommand implements Runnable {

  /** The command line with every subcommand, including those other modules contribute. */
  public static CommandLine commandLine() {
    CommandLine root = new CommandLine(new CordonCommand());
    CommandLine range = new CommandLine(new RangeCommand());
    range.addSubcommand("serve", new SimulatorCommand());
    root.addSubcommand("range", range);
    CommandLine model = new CommandLine(new org.cordon.model.ModelCommand(org.cordon.app.runtime.TextModels.NORMALISER,
        org.cordon.app.runtime.TextModels.NORMALISER_NAME));
    model.addSubcommand("export-decisions", new DecisionExportCommand());
    root.addSubcommand("model", model);
    CommandLine bench = new CommandLine(new BenchCommand());
    bench.addSubcommand("ingest", new IngestBenchmarkCommand());
    bench.addSubcommand("range", new RangeBenchmarkCommand());
    bench.addSubcommand("pdq", new PdqBenchmarkCommand());
    bench.addSubcommand("pdq-index", new org.cordon.detect.media.index.PdqIndexBenchmarkCommand());
    bench.addSubcommand("langid", new LanguageBenchmarkCommand());
    bench.addSubcommand("triage", new TriageBenchmarkCommand());
    bench.addSubcommand("graph", new GraphBenchmarkCommand());
    root.addSubcommand("bench", bench);
    CommandLine eval = new CommandLine(new EvalCommand());
    eval.addSubcommand("media", new MediaEvaluationCommand());
    eval.addSubcommand("text", new TextEvaluationCommand());
    eval.addSubcommand("detection", new DetectionEvaluationCommand());
    eval.addSubcommand("network", new NetworkEvaluationCommand());
    eval.addSubcommand("takedown", new TakedownEvaluationCommand());
    root.addSubcommand("eval", eval);
    root.setCaseInsensitiveEnumValuesAllowed(true);
    return root;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** Groups the evaluations against a world's ground truth: {@code cordon eval NAME}. */
  @Command(name = "eval", description = "Evaluations against a range world's ground truth: each prints a table, or one JSON object with --json.")
  public static final class EvalCommand implements Runnable {
    @Override
    public void run() {
      CommandLine.usage(this, System.out);
    }
  }

  /** Groups the benchmarks: {@code cordon bench NAME}. */
  @Command(name = "bench", description = "Benchmarks: each prints a table, or one JSON object with --json.")
  public static final class BenchCommand implements Runnable {
    @Override
    public void run() {
      CommandLine.usage(this, System.out);
    }
  }
}
