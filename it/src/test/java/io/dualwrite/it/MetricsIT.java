package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * What the agent publishes while the application runs, read from inside the application's JVM: the MBean
 * {@code io.dualwrite:type=Agent} and the Prometheus endpoint, with the counters adding up and the circuit's
 * state.
 */
class MetricsIT extends DatabasePairPerClass {

    private static final int ROWS = 20;
    /** Writes of the writes scenario: inserts, every 2nd updated, every 5th deleted. */
    private static final int WRITES = ROWS + ROWS / 2 + ROWS / 5;

    MetricsIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theMBeanAndTheEndpointCountEveryWriteAppliedWithTheCircuitClosed() throws IOException {
        int port = freePort();
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases).metricsPort(port))
                .environment("SAMPLE_METRICS_URL", "http://127.0.0.1:" + port + "/metrics")
                .run(SampleCommand.scenario("metrics", primary(), "--rows", String.valueOf(ROWS)))
                .assertScenarioDone("metrics");

        assertThat(run.stdout()).as("what the application read%n%s", run.describe())
                .contains("metrics: jmx WritesSeen=" + WRITES, "metrics: jmx WritesApplied=" + WRITES,
                        "metrics: jmx WritesJournaled=0", "metrics: jmx CircuitState=closed")
                .contains("metrics: http status 200")
                .contains("metrics: http dualwrite_writes_seen_total " + WRITES)
                .contains("metrics: http dualwrite_writes_total{outcome=\"applied\"} " + WRITES)
                .contains("metrics: http dualwrite_circuit_state{state=\"closed\"} 1");
        assertThat(run.stderr()).as("the agent's log%n%s", run.describe())
                .contains("metrics at http://127.0.0.1:" + port + "/metrics");
    }

    @Test
    void withTheSecondaryDownTheyShowTheJournalsBacklogItsLagAndTheCircuitOpen() {
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases)
                        .secondary("jdbc:mariadb://127.0.0.1:1/nothing", "dualwrite", "x")
                        .connectTimeoutMs(1000).retryIntervalMs(60_000).shutdownTimeoutMs(0))
                .run(SampleCommand.scenario("metrics", primary(), "--rows", String.valueOf(ROWS)))
                .assertScenarioDone("metrics");

        assertThat(run.stdout()).as("what the application read%n%s", run.describe())
                .contains("metrics: jmx WritesJournaled=" + WRITES, "metrics: jmx WritesApplied=0",
                        "metrics: jmx JournalBacklogRecords=" + WRITES, "metrics: jmx CircuitState=open")
                .doesNotContain("metrics: jmx ReplicationLagMillis=0\n");
    }
}
