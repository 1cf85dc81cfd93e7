package io.dualwrite.sample.scenario;

/** One workload run against the primary only; whatever reaches the secondary is the agent's doing. */
public interface Scenario {

    void run(ScenarioContext context) throws Exception;
}
