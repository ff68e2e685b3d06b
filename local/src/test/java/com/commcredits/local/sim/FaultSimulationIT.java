package com.commcredits.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seeded fault simulation as part of {@code mvn verify}: {@code -Dsim.scenarios} scenarios
 * (default {@value #DEFAULT_SCENARIOS}) from {@code -Dsim.seed} (default {@value #DEFAULT_SEED}). A
 * failing scenario prints its seed, the invariants it broke and its trace; rerun it alone with
 * {@code -Dsim.seed=<its seed> -Dsim.scenarios=1}.
 */
class FaultSimulationIT {

  static final long DEFAULT_SEED = 1000L;
  static final int DEFAULT_SCENARIOS = 50;

  @RegisterExtension
  static final LocalDeploymentExtension SIMULATION_STACK =
      LocalDeploymentExtension.withOptions(FaultSimulation.deploymentOptions());

  private final LocalDeployment deployment;

  FaultSimulationIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @Test
  void everyScenario_keepsTheMoneyPathInvariants_underInjectedFaults() {
    long seed = Long.getLong("sim.seed", DEFAULT_SEED);
    int scenarios = Integer.getInteger("sim.scenarios", DEFAULT_SCENARIOS);

    FaultSimulation.Figures figures;
    try (FaultSimulation simulation = new FaultSimulation(deployment)) {
      figures = simulation.run(seed, scenarios, System.out);
    }

    System.out.println(figures.summary());
    assertThat(figures.failures())
        .as(
            "failing scenarios (seed, broken invariants, trace above): %s",
            figures.failures().stream().map(Scenario.Report::seed).toList())
        .isEmpty();
  }
}
