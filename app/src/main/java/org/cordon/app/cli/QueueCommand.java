package org.cordon.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.signal.Tier;
import org.cordon.desk.TriageQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon queue}: the desk's queue, most urgent first, with each case's clock. */
@Command(name = "queue", mixinStandardHelpOptions = true,
    description = "Prints the desk's queue, most urgent first: rank, tier, time open, time left to the unit's target (or past it), who is working on it, subject.")
final class QueueCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--limit", defaultValue = "20", description = "How many cases (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    try (CordonRuntime runtime = CordonRuntime.open(store.settings())) {
      TriageQueue.View view = runtime.deskService().queue().queue(Math.clamp(limit, 1, 1000));
      // the rank, not the priority's value: the value is minutes past a deadline (plus a large
      // constant for a threat to life), which says less to a reader than the order it makes
      Table t = new Table("#", "case", "tier", "open for", "clock", "claimed by", "subject");
      int rank = 0;
      for (TriageQueue.Item item : view.items()) {
        t.row(++rank, item.caseId().value(), item.tier().map(Tier::label).orElse("-"), age(item.priority().age()), clock(item),
            item.claim().map(c -> Terminal.safe(c.claimedBy(), 20) + " until " + c.until().toString().substring(11, 16)).orElse("-"),
            Terminal.safe(item.subject().toString(), 60));
      }
      t.print(System.out);
      System.out.printf(Locale.ROOT, "%d open, %d nearing their target, %d past it%n", view.open(), view.nearing(), view.breached());
    }
    return 0;
  }

  static String clock(TriageQueue.Item item) {
    Duration remaining = item.priority().remaining();
    return switch (item.priority().clock()) {
      case ON_TIME -> age(remaining) + " left";
      case NEARING -> age(remaining) + " left (nearing)";
      case BREACHED -> "BREACHED " + age(remaining.negated()) + " ago";
    };
  }

  static String age(Duration d) {
    long m = Math.max(0, d.toMinutes());
    return m < 60 ? m + " min" : m / 60 + " h " + m % 60 + " min";
  }
}
