package org.cordon.app.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cordon.language.LabelledText;
import org.cordon.language.LanguageIdComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cordon bench langid}: Lingua and OpenNLP (and the combination Cordon uses) on short
 * social-media texts in the unit's languages: accuracy overall and per language, posts/s on one
 * thread (wall clock and CPU), load time and heap. The bundled corpus is everyday text written for
 * this purpose; {@code --corpus} takes a unit's own {@code language<TAB>text} file.
 */
@Command(name = "langid", mixinStandardHelpOptions = true,
    description = "Compares language identifiers (Lingua, OpenNLP, combined) on short texts: accuracy, speed, memory.")
final class LanguageBenchmarkCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "FILE", description = "A TSV of language<TAB>text[<TAB>kind] (default: the bundled corpus).")
  Path corpus;

  @Option(names = "--high-accuracy", description = "Also load Lingua's high-accuracy models (about 500 MB of heap and 20 s more).")
  boolean high;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<LabelledText> texts;
    if (corpus == null) {
      texts = LabelledText.bundledCorpus();
    } else {
      try (Reader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
        texts = LabelledText.parse(r);
      }
    }
    LanguageIdComparison.Report report = LanguageIdComparison.run(texts, LanguageIdComparison.defaultCandidates(high));
    if (json) {
      System.out.println(JsonMapper.builder().build().writeValueAsString(report));
    } else {
      System.out.println(LanguageIdComparison.table(report));
    }
    return 0;
  }
}
