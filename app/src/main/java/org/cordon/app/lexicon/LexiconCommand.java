package org.cordon.app.lexicon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.app.cli.Table;
import org.cordon.text.lexicon.Lexicon;
import org.cordon.text.lexicon.LexiconException;
import org.cordon.text.lexicon.LexiconFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon lexicon import|export|list}: the versioned lexicons of the data directory. */
@Command(name = "lexicon", mixinStandardHelpOptions = true,
    description = "Lexicons (terms, phrases, RE2 patterns per language, with weight, tier and provenance): import, export, list.",
    subcommands = {LexiconCommand.Import.class, LexiconCommand.Export.class, LexiconCommand.ListLexicons.class})
public final class LexiconCommand implements Runnable {
  @Option(names = "--data", defaultValue = "${env:CORDON_DATA:-data}", scope = CommandLine.ScopeType.INHERIT,
      description = "Data directory; lexicons live in DIR/lexicons (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  LexiconLibrary library() {
    return new LexiconLibrary(data.resolve("lexicons"));
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Imports a CSV or JSON file as the next version of a lexicon (the same entries again make no new version).")
  static final class Import implements Callable<Integer> {
    @CommandLine.ParentCommand LexiconCommand parent;

    @Option(names = "--name", required = true, description = "Lexicon name (a-z, 0-9, '-', '_').")
    String name;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV (header kind,term,language,weight,tier,source,added_by,added_at,note, or term,language,weight,tier) or .json.")
    Path file;

    @Override
    public Integer call() throws Exception {
      try {
        LexiconLibrary.checkName(name);
        Lexicon imported = LexiconFormat.read(file);
        Lexicon stored = parent.library().importEntries(name, imported);
        System.out.printf(Locale.ROOT, "lexicon '%s' version %d: %d entries (sha256 %s)%n", stored.name(), stored.version(), stored.size(),
            stored.digest().hex());
        return 0;
      } catch (LexiconException e) {
        System.err.println("cordon lexicon import: " + e.getMessage());
        return 1;
      } catch (IllegalArgumentException e) {
        System.err.println("cordon lexicon import: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes a lexicon (its current or a given version) as CSV or JSON.")
  static final class Export implements Callable<Integer> {
    @CommandLine.ParentCommand LexiconCommand parent;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--version", description = "A past version (default: the current one).")
    Long version;

    @Option(names = {"-f", "--format"}, defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true)
    Path out;

    @Override
    public Integer call() throws Exception {
      LexiconLibrary library = parent.library();
      var lexicon = version == null ? library.current(name) : library.version(name, version);
      if (lexicon.isEmpty()) {
        System.err.println("cordon lexicon export: no lexicon '" + name + "'" + (version == null ? "" : " version " + version));
        return 1;
      }
      byte[] bytes = switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> LexiconFormat.writeCsv(lexicon.get());
        case "json" -> LexiconFormat.writeJson(lexicon.get());
        default -> null;
      };
      if (bytes == null) {
        System.err.println("cordon lexicon export: format is csv or json, not " + format);
        return 2;
      }
      Files.write(out, bytes);
      System.out.printf(Locale.ROOT, "wrote lexicon '%s' version %d (%d entries) to %s%n", name, lexicon.get().version(), lexicon.get().size(), out);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the lexicons with their current version.")
  static final class ListLexicons implements Callable<Integer> {
    @CommandLine.ParentCommand LexiconCommand parent;

    @Override
    public Integer call() throws Exception {
      List<LexiconLibrary.Description> all = parent.library().list();
      if (all.isEmpty()) {
        System.out.println("no lexicons in " + parent.library().directory());
        return 0;
      }
      Table t = new Table("name", "version", "versions kept", "entries", "sha256");
      for (LexiconLibrary.Description d : all) {
        t.row(d.name(), d.version(), parent.library().versions(d.name()).size(), d.entries(), d.digest().substring(0, 16) + "…");
      }
      t.print(System.out);
      return 0;
    }
  }
}
