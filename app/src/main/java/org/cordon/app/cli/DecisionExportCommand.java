package org.cordon.app.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.app.runtime.CordonRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cordon model export-decisions --out FILE}: the analysts' decisions on posts as a labelled
 * CSV ({@code text,label,language}) for {@code cordon model train}. A referral labels the post's
 * text with {@code --positive} (default {@code refer}), a dismissal with {@code --negative}
 * (default {@code dismiss}); only the latest decision on a post counts, so a correction replaces
 * the decision it corrects. Training through a file keeps what a model learnt from inspectable.
 */
@Command(name = "export-decisions", mixinStandardHelpOptions = true,
    description = "Writes the analysts' decisions on posts as a labelled CSV (text,label,language) to train a model on.")
final class DecisionExportCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(names = "--positive", defaultValue = "refer", description = "Label of referred posts (default: ${DEFAULT-VALUE}).")
  String positive;

  @Option(names = "--negative", defaultValue = "dismiss", description = "Label of dismissed posts (default: ${DEFAULT-VALUE}).")
  String negative;

  @Override
  public Integer call() throws Exception {
    String sql = """
        SELECT DISTINCT ON (c.platform, c.subject_id) d.kind, p.text, p.language
        FROM decisions d
        JOIN cases c ON c.id = d.case_id AND c.subject_kind = 'POST'
        JOIN posts p ON p.platform = c.platform AND p.native_id = c.subject_id
        ORDER BY c.platform, c.subject_id, d.decided_at DESC, d.id DESC""";
    long[] counts = new long[2];
    try (CordonRuntime runtime = CordonRuntime.open(store.settings());
        Connection c = runtime.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      ps.setFetchSize(1000);
      c.setAutoCommit(false);
      w.write("text,label,language\n");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean refer = "refer".equals(rs.getString(1));
          String language = rs.getString(3);
          w.write(csv(rs.getString(2)) + "," + csv(refer ? positive : negative) + "," + csv(language == null ? "" : language) + "\n");
          counts[refer ? 0 : 1]++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "wrote %d decided posts to %s: %d %s, %d %s%n", counts[0] + counts[1], out, counts[0], positive, counts[1], negative);
    return 0;
  }

  private static String csv(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
