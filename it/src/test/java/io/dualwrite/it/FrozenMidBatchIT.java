package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dualwrite.it.faults.FaultyProxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secondary that freezes while the agent sends it a large batch (20 MB): the application's thread comes back
 * (through the driver's network timeout or, where sending blocks and that cannot fire, the agent's watchdog,
 * which aborts the connection once the statement timeout is overdue), the batch is journaled and the
 * application finishes.
 */
class FrozenMidBatchIT extends DatabasePairPerClass {

    private FaultyProxy proxy;

    FrozenMidBatchIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void proxyInFrontOfTheSecondary() {
        proxy = FaultyProxy.inFrontOf(secondary());
    }

    @AfterEach
    void closeTheProxy() {
        proxy.close();
    }

    @Test
    void theApplicationGetsItsThreadBackFromABatchCutOffByAFreezeAndTheBatchIsJournaled() {
        AgentConfig config = AgentConfig.mirroring(databases)
                .secondary(proxy.urlOf(secondary()), secondary().user(), secondary().password())
                .statementTimeoutMs(1000).connectTimeoutMs(3000).shutdownTimeoutMs(0).retryIntervalMs(60_000);
        ForkedJvm.RunningJvm running = AgentRun.with(config).start(SampleCommand.scenario("big-batch", primary(),
                "--rows", "20000", "--pause-ms", "1000"));
        await().atMost(Duration.ofSeconds(30)).until(() -> running.stdoutSoFar().contains("big-batch: ready")
                || !running.isAlive());
        proxy.freeze();

        // the secondary stays frozen: nothing but the agent's timeouts can end the batch
        RunResult run = running.awaitExit().assertScenarioDone("big-batch");
        Stats stats = run.consistentStats();

        assertThat(stats.applied).as("the first insert, applied before the freeze, in %s%n%s", stats, run.describe())
                .isEqualTo(1);
        assertThat(stats.journaled).as("the batch, journaled, in %s%n%s", stats, run.describe()).isEqualTo(1);
        assertThat(run.stdout()).contains("big-batch: 20000 rows sent in ");
    }
}
