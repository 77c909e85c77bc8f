package org.cordon.app.hashlist;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.app.cli.Table;
import org.cordon.core.signal.Tier;
import org.cordon.detect.media.HashListException;
import org.cordon.detect.media.HashListFormats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon hashlist import|export|list}: the known-media lists of the data directory. */
@Command(name = "hashlist", mixinStandardHelpOptions = true,
    description = "Known-media hash lists: import (gifct-csv, tcap-json, pdq-label, cordon-csv), export, list.",
    subcommands = {HashListCommand.Import.class, HashListCommand.Export.class, HashListCommand.ListLists.class})
public final class HashListCommand implements Runnable {
  @Option(names = "--data", defaultValue = "${env:CORDON_DATA:-data}", scope = CommandLine.ScopeType.INHERIT,
      description = "Data directory; lists live in DIR/hashlists (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  HashListLibrary library() {
    return new HashListLibrary(data.resolve("hashlists"));
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Imports a file as the next version of a list.")
  static final class Import implements Callable<Integer> {
    @CommandLine.ParentCommand HashListCommand parent;

    @Option(names = "--name", required = true, description = "List name.")
    String name;

    @Option(names = {"-f", "--format"}, required = true, description = "gifct-csv, tcap-json, pdq-label or cordon-csv.")
    String format;

    @Option(names = "--owner", defaultValue = "unit", description = "Who the list belongs to (default: ${DEFAULT-VALUE}).")
    String owner;

    @Option(names = "--label", description = "A label of the whole list (repeatable).")
    List<String> labels = List.of();

    @Option(names = "--tier", defaultValue = "official_propaganda", description = "Tier of entries whose labels name none (default: ${DEFAULT-VALUE}).")
    String tier;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
      try {
        var d = parent.library().importList(name, owner, labels, HashListFormats.Format.parse(format), file, Tier.parse(tier));
        System.out.printf(Locale.ROOT, "hash list '%s' version %d: %s entries (%d duplicates skipped)%n", d.name(), d.version(), d.entriesByType(),
            d.duplicatesSkipped());
        return 0;
      } catch (HashListException e) {
        System.err.println("cordon hashlist import: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes a list's current version in a format.")
  static final class Export implements Callable<Integer> {
    @CommandLine.ParentCommand HashListCommand parent;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = {"-f", "--format"}, required = true, description = "gifct-csv, tcap-json, pdq-label or cordon-csv.")
    String format;

    @Option(names = "--out", required = true)
    Path out;

    @Override
    public Integer call() throws Exception {
      parent.library().exportList(name, HashListFormats.Format.parse(format), out);
      System.out.println("wrote " + out);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The lists, their versions, owners and sizes.")
  static final class ListLists implements Callable<Integer> {
    @CommandLine.ParentCommand HashListCommand parent;

    @Override
    public Integer call() throws Exception {
      Table table = new Table("name", "version", "owner", "pdq", "md5", "sha256", "imported", "labels");
      for (var d : parent.library().list()) {
        table.row(d.name(), d.version(), d.owner(), d.entriesByType().getOrDefault("pdq", 0L), d.entriesByType().getOrDefault("md5", 0L),
            d.entriesByType().getOrDefault("sha256", 0L), d.importedAt().toString().substring(0, 19), String.join(";", d.labels()));
      }
      table.print(System.out);
      return 0;
    }
  }
}
