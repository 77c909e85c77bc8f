package org.cordon.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cordon.app.demo.DemoRun;
import org.cordon.app.demo.DemoRun.DemoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cordon demo}: the whole flow on the embedded default, then the console on localhost. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the whole flow on the embedded default: generates a small simulated world, ingests it, detects,",
        "fills the triage queue, lets a clearly labelled SIMULATED analyst decide the top cases, sends referrals",
        "to the range's platform simulator and tracks removals; prints a summary, then serves the console",
        "on http://localhost:8080 until Ctrl-C (or exits with --once)."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "${env:CORDON_DATA:-data}", paramLabel = "DIR",
      description = "Data directory; the demo keeps its own database under DIR/demo and resets it each run (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--once", description = "Exit 0 after the summary instead of serving (for scripts and CI).")
  boolean once;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the simulated world (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--accounts", defaultValue = "2000", description = "Accounts in the simulated world (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "3", description = "Days the simulated world covers (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--decisions", defaultValue = "150", description = "How many cases the simulated analyst decides (default: ${DEFAULT-VALUE}).")
  int decisions;

  @Option(names = "--port", defaultValue = "8080", description = "Console port (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    return new DemoRun(new DemoOptions(data, seed, accounts, days, decisions, once, port), System.out).run();
  }
}
