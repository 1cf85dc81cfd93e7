package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.sample.ReadSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which database answers the application's reads ({@code reads.route}), PostgreSQL primary, MariaDB secondary. Each
 * side is seeded directly with marker rows whose {@code source} names it, so every answer the application gets
 * tells where it came from. The secondary answers what the route sends it, through a result the application
 * handles as its own; reads that must see the primary's latest state (in a transaction, locking, right after a
 * write, of a table outside {@code reads.tables}) stay there; and a secondary that fails a read is never felt.
 */
class ReadRoutingIT extends DatabasePairPerClass {

    private static final int SPLIT_QUERIES = 2000;
    /** Five standard deviations of a binomial count of 2,000 draws at one half: 5 * sqrt(2000 / 4) = 111.8. */
    private static final int FIVE_SIGMA = 112;

    ReadRoutingIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void markEachSide() {
        ReadTables.recreate(primary(), "primary");
        ReadTables.recreate(secondary(), "secondary");
    }

    private AgentConfig routing(String route) {
        return AgentConfig.mirroring(databases).reads(route);
    }

    private ReadOutput read(AgentConfig config, String kinds, int queries) {
        return ReadOutput.of(AgentRun.with(config).run(reads(kinds, queries)));
    }

    private List<String> reads(String kinds, int queries) {
        return SampleCommand.scenario("reads", primary(), "--read", kinds, "--queries", String.valueOf(queries),
                "--rows", String.valueOf(ReadTables.MARKER_ROWS));
    }

    @Test
    void splitAtZeroPercentAnswersEveryReadFromThePrimary() {
        ReadOutput output = read(routing("split").secondaryPercent(0), "plain", SPLIT_QUERIES);

        ReadOutput.Tally plain = output.total("plain");
        assertThat(plain.primary).as("reads the primary answered, %s%n%s", plain, output.describe())
                .isEqualTo(SPLIT_QUERIES);
    }

    @Test
    void splitAtOneHundredPercentAnswersEveryReadFromTheSecondary() {
        ReadOutput output = read(routing("split").secondaryPercent(100), "plain", SPLIT_QUERIES);

        ReadOutput.Tally plain = output.total("plain");
        assertThat(plain.secondary).as("reads the secondary answered, %s%n%s", plain, output.describe())
                .isEqualTo(SPLIT_QUERIES);
    }

    @Test
    void splitAtFiftyPercentSendsHalfTheReadsToTheSecondaryWithinFiveSigmaAndCountsThemBySide() {
        AgentMetrics metrics = AgentMetrics.onAFreePort();
        AtomicReference<AgentMetrics.Reading> counted = new AtomicReference<>();
        RunResult run = HeldRun.run(AgentRun.with(routing("split").secondaryPercent(50).metricsPort(metrics.port())),
                reads("plain", SPLIT_QUERIES), running -> counted.set(metrics.read()));
        ReadOutput output = ReadOutput.of(run);

        ReadOutput.Tally plain = output.total("plain");
        assertThat(plain.primary + plain.secondary).as("reads answered by either side, %s%n%s", plain,
                output.describe()).isEqualTo(SPLIT_QUERIES);
        assertThat(plain.secondary).as("reads the secondary answered, %s%n%s", plain, output.describe())
                .isBetween((long) SPLIT_QUERIES / 2 - FIVE_SIGMA, (long) SPLIT_QUERIES / 2 + FIVE_SIGMA);
        AgentMetrics.Reading reading = counted.get();
        assertThat(reading.reads("secondary")).as("the agent's count of reads the secondary answered (%s), %s",
                reading.describeReads(), plain).isEqualTo(plain.secondary);
        assertThat(reading.reads("primary")).as("the agent's count of reads the primary answered (%s), %s",
                reading.describeReads(), plain).isGreaterThanOrEqualTo(plain.primary);
    }

    @Test
    void underRouteSecondaryAPreparedReadIsAnsweredByTheSecondaryWithTheApplicationsBoundParameters() {
        ReadOutput output = read(routing("secondary"), "plain", ReadTables.MARKER_ROWS);

        assertThat(output.total("plain").secondary).as("reads the secondary answered%n%s", output.describe())
                .isEqualTo(ReadTables.MARKER_ROWS);
        for (Map<String, String> answer : output.answers("plain")) {
            assertThat(answer).as("the answer to the read bound with id %s%n%s", answer.get("id"),
                    output.describe())
                    .containsEntry("source", "secondary")
                    .containsEntry("returned-id", answer.get("id"))
                    .containsEntry("label", "label-" + answer.get("id"));
        }
    }

    @Test
    void aResultFromTheSecondaryBehavesAsTheApplicationsOwn() {
        ReadOutput output = read(routing("secondary"), "statement,execute,statement-execute,get-statement", 2);

        for (String kind : Arrays.asList("statement", "execute", "statement-execute", "get-statement")) {
            for (Map<String, String> answer : output.answers(kind)) {
                assertThat(answer).as("a %s read%n%s", kind, output.describe())
                        .containsEntry("source", "secondary")
                        .containsEntry("returned-id", answer.get("id"))
                        .containsEntry("same-statement", "true");
            }
        }
        for (String kind : Arrays.asList("execute", "statement-execute")) {
            for (Map<String, String> answer : output.answers(kind)) {
                assertThat(answer).as("execute() and what follows it, on a %s read%n%s", kind, output.describe())
                        .containsEntry("execute", "true")
                        .containsEntry("result-set", "true")
                        .containsEntry("update-count", "-1")
                        .containsEntry("more-results", "false")
                        .containsEntry("update-count-after", "-1");
            }
        }
        for (Map<String, String> answer : output.answers("get-statement")) {
            assertThat(answer).as("the result's statement's connection%n%s", output.describe())
                    .containsEntry("same-connection", "true");
        }
    }

    @Test
    void readsInATransactionStayOnThePrimary() {
        ReadOutput output = read(routing("secondary"), "in-transaction,plain", 3);

        assertAllFrom("primary", output, "in-transaction");
        assertAllFrom("secondary", output, "plain");
    }

    @Test
    void readsForUpdateOrForShareStayOnThePrimary() {
        ReadOutput output = read(routing("secondary"), "for-update,for-share,plain", 3);

        assertAllFrom("primary", output, "for-update");
        assertAllFrom("primary", output, "for-share");
        assertAllFrom("secondary", output, "plain");
    }

    @Test
    void aReadRightAfterAWriteOnTheSameConnectionStaysOnThePrimary() {
        ReadOutput output = read(routing("secondary").readYourWritesMs(60_000), "after-write,plain", 3);

        assertAllFrom("primary", output, "after-write");
        for (Map<String, String> answer : output.answers("after-write")) {
            assertThat(answer).as("the write before the read%n%s", output.describe()).containsEntry("written", "1");
        }
        // on a connection of its own, which wrote nothing
        assertAllFrom("secondary", output, "plain");
    }

    @Test
    void readsOfATableOutsideReadsTablesStayOnThePrimary() {
        ReadOutput output = read(routing("secondary").readTables(Collections.singletonList("*"),
                Collections.singletonList(ReadSchema.EXCLUDED)), "excluded-table,plain", 3);

        assertAllFrom("primary", output, "excluded-table");
        assertAllFrom("secondary", output, "plain");
    }

    @Test
    void anUnreachableSecondaryLeavesEveryReadToThePrimaryWithoutAnError() {
        AgentConfig config = routing("secondary").secondary("jdbc:mariadb://127.0.0.1:1/unreachable", "dualwrite", "x")
                .connectTimeoutMs(500).retryIntervalMs(60_000).shutdownTimeoutMs(0);
        ReadOutput output = read(config, "plain,statement,execute", 5);

        for (String kind : Arrays.asList("plain", "statement", "execute")) {
            assertAllFrom("primary", output, kind);
        }
    }

    @Test
    void aSecondaryThatFailsTheReadLeavesItToThePrimaryUnfeltAndCountsAFallback() {
        ReadTables.execute(secondary(), "DROP TABLE " + ReadSchema.MARKERS);
        AgentMetrics metrics = AgentMetrics.onAFreePort();
        AtomicReference<AgentMetrics.Reading> counted = new AtomicReference<>();
        RunResult run = HeldRun.run(AgentRun.with(routing("secondary").metricsPort(metrics.port())),
                reads("plain,statement,execute", 5), running -> counted.set(metrics.read()));
        ReadOutput output = ReadOutput.of(run);

        for (String kind : Arrays.asList("plain", "statement", "execute")) {
            assertAllFrom("primary", output, kind);
        }
        for (Map<String, String> answer : output.answers("execute")) {
            assertThat(answer).as("execute() and what follows it, answered by the primary instead%n%s",
                    output.describe())
                    .containsEntry("update-count", "-1").containsEntry("more-results", "false");
        }
        assertThat(counted.get().readFallbacks()).as("fallbacks counted by the agent (%s)%n%s",
                counted.get().describeReads(), output.describe()).isPositive();
    }

    /** Every read of the kind was answered, by that side, with no error, and the row of the id it was bound with. */
    private static void assertAllFrom(String side, ReadOutput output, String kind) {
        ReadOutput.Tally tally = output.total(kind);
        List<String> wrong = new ArrayList<>();
        for (Map<String, String> answer : output.answers(kind)) {
            if (!side.equals(answer.get("source")) || !answer.get("id").equals(answer.get("returned-id"))) {
                wrong.add(answer.toString());
            }
        }
        assertThat(wrong).as("%s reads not answered by the %s with the bound id's row (%s)%n%s", kind, side, tally,
                output.describe()).isEmpty();
        assertThat(tally.errors).as("%s reads that failed in the application (%s)%n%s", kind, tally,
                output.describe()).isZero();
    }
}
