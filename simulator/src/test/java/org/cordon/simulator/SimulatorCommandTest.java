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
  void liveReturnOptionsBecomeTheReturnsConfiguration() throws Exception {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs(
        "--strikes", "2", "--return-probability", "0.5", "--return-median-delay", "90", "--live-truth", "/tmp/live.jsonl",
        "--cordon", "http://127.0.0.1:9/", "--cordon-user", "feed", "--cordon-password", "pw");

    SimulatorConfig.Returns returns = command.config(Optional.empty()).returns();

    assertThat(returns.strikesToSuspend()).isEqualTo(2);
    assertThat(returns.returnProbability()).isEqualTo(0.5);
    assertThat(returns.returnMedianDelay()).isEqualTo(Duration.ofMinutes(90));
    assertThat(returns.liveTruthFile()).contains(java.nio.file.Path.of("/tmp/live.jsonl"));
    assertThat(returns.cordon()).hasValueSatisfying(target -> {
      assertThat(target.base()).isEqualTo(java.net.URI.create("http://127.0.0.1:9/"));
      assertThat(target.user()).isEqualTo("feed");
      assertThat(target.toString()).doesNotContain("pw");
    });
  }

  @Test
  void liveReturnsDefaultToThreeStrikesAndFortyFiveMinutes() throws Exception {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs();

    SimulatorConfig.Returns returns = command.config(Optional.empty()).returns();

    assertThat(returns).isEqualTo(SimulatorConfig.Returns.DEFAULT);
    assertThat(SimulatorConfig.builder().build().returns()).isEqualTo(SimulatorConfig.Returns.DEFAULT);
  }

  @Test
  void aComplianceRateOutsideZeroToOneIsRefused() {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs("--compliance", "1.5");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> command.config(Optional.empty()))
        .hasMessageContaining("compliance rate is in [0, 1]");
  }
}
