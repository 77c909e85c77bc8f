package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCommandTest {
  @Test
  void optionsBecomeTheSimulatorConfiguration() throws Exception {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs(
        "--port", "0", "--speed", "120", "--compliance", "0.85", "--median-delay", "12",
        "--seed", "7", "--secret", "x=abc", "--secret", "*=fallback");

    SimulatorConfig config = command.config(Optional.empty());

    assertThat(config.speed()).isEqualTo(120);
    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.defaultBehaviour().complianceRate()).isEqualTo(0.85);
    assertThat(config.defaultBehaviour().medianDelay()).isEqualTo(Duration.ofMinutes(12));
    assertThat(config.secretOf("x")).contains("abc");
    assertThat(config.secretOf("telegram")).contains("fallback");
    assertThat(config.world()).isEmpty();
  }

  @Test
  void aComplianceRateOutsideZeroToOneIsRefused() {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs("--compliance", "1.5");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> command.config(Optional.empty()))
        .hasMessageContaining("compliance rate is in [0, 1]");
  }
}
