package org.cordon.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon queue}: the triage queue, most urgent first. */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "Prints the triage queue, most urgent first.")
final class QueueCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--limit", defaultValue = "20", description = "How many cases (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    try (CordonRuntime runtime = CordonRuntime.open(store.settings())) {
      Instant now = runtime.clock().instant();
      Table t = new Table("case", "priority", "tier", "open for", "subject", "why");
      for (Case c : runtime.stores().cases().queue(limit)) {
        t.row(c.id(), String.format(Locale.ROOT, "%.3f", c.priority()), c.tier().map(Tier::label).orElse("-"),
            age(c.age(now)), c.subject(), Terminal.safe(c.assessment().explanation(), 80));
      }
      t.print(System.out);
    }
    return 0;
  }

  static String age(Duration d) {
    long m = d.toMinutes();
    return m < 60 ? m + " min" : m / 60 + " h " + m % 60 + " min";
  }
}
