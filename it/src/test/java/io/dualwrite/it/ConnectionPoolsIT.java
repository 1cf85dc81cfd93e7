package io.dualwrite.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that go through HikariCP, Commons DBCP2 or a {@code java.lang.reflect.Proxy} around the driver's
 * objects, from 8 threads at once (PostgreSQL to MariaDB): each is mirrored exactly once, none is lost.
 */
class ConnectionPoolsIT extends DatabasePairPerClass {

    private static final int THREADS = 8;
    private static final int ROWS_PER_THREAD = 40;

    ConnectionPoolsIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pool-hikari", "pool-dbcp2", "proxy"})
    void everyWriteThroughAPoolOrProxyIsMirroredExactlyOnce(String scenario) {
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases))
                .run(SampleCommand.scenario(scenario, primary(), "--threads", String.valueOf(THREADS),
                        "--rows", String.valueOf(ROWS_PER_THREAD)))
                .assertScenarioDone(scenario);
        Stats stats = run.consistentStats();

        run.verify(() -> TableComparison.assertSameRows(databases));
        long primaryRows = TableComparison.count(primary(), "pool_rows");
        assertThat(primaryRows).as("pool_rows written on the primary%n%s", run.describe()).isPositive();
        assertThat(TableComparison.count(secondary(), "pool_rows")).as("pool_rows on the secondary")
                .isEqualTo(primaryRows);
        assertThat(stats.journaled).as("journaled writes (a write applied twice fails on its duplicate key) in %s%n%s",
                stats, run.describe()).isZero();
        assertThat(stats.skipped).as("skipped writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe()).isEqualTo(stats.seen);
        assertThat(stats.applied).as("applied writes, one per write of the scenario, in %s%n%s", stats, run.describe())
                .isEqualTo(writesOf(scenario));
    }

    /**
     * Per thread and row (see PoolRowsWorkload in sample-target): an insert, an update for every 3rd row, a
     * delete for every 10th. The pools run {@code --threads} threads; the proxy scenario one thread and one
     * more plain insert.
     */
    private static long writesOf(String scenario) {
        long perThread = ROWS_PER_THREAD + ROWS_PER_THREAD / 3 + ROWS_PER_THREAD / 10;
        return scenario.equals("proxy") ? perThread + 1 : THREADS * perThread;
    }
}
