package org.cordon.app.cli;

import java.util.concurrent.Callable;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.runtime.CordonRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cordon assess}: runs the detectors over every stored post not yet assessed. */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Runs the detectors over stored posts not yet assessed and fills the triage queue (serve does this continuously).")
final class AssessCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    try (CordonRuntime runtime = CordonRuntime.open(store.settings())) {
      AssessmentStage.Result r = runtime.assessmentStage().drain(1000);
      new Table("assessed", "flagged").row(r.assessed(), r.flagged()).print(System.out);
    }
    return 0;
  }
}
