package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dualwrite.sample.ReadSchema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code reads.route: shadow} for one direction: the primary answers every read, and each read also runs on the
 * secondary off the application's thread; what differs goes to the mismatch log, one JSON line per differing read.
 * Both sides are seeded directly with the same rows (the secondary as a migration would have filled it), then
 * some rows are made to differ on one side.
 */
abstract class ShadowReadsContract extends DatabasePairPerClass {

    /** Shadow reads compared, written to the log and counted, well within this once the reads are done. */
    private static final Duration COMPARED_WITHIN = Duration.ofSeconds(30);
    private static final List<Long> CHANGED = Arrays.asList(3L, 5L, 7L);
    private static final long MISSING = 9L;

    ShadowReadsContract(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        super(primaryKind, secondaryKind);
    }

    @BeforeEach
    void sameRowsOnBothSides() {
        ReadTables.recreate(primary(), "same");
        ReadTables.recreate(secondary(), "same");
    }

    private AgentConfig shadowing(AgentMetrics metrics) {
        return AgentConfig.mirroring(databases).reads("shadow").shadowPercent(100).metricsPort(metrics.port());
    }

    private List<String> reads(String kinds, int queries, int rows) {
        return SampleCommand.scenario("reads", primary(), "--read", kinds, "--queries", String.valueOf(queries),
                "--rows", String.valueOf(rows));
    }

    /**
     * Runs the reads and holds the application alive until the agent has settled the fate of {@code shadowReads}
     * shadow reads and the log holds {@code logLines} lines; returns the counters read then.
     */
    private AgentMetrics.Reading runAndAwaitComparisons(AgentRun agentRun, AgentMetrics metrics, List<String> args,
                                                        int shadowReads, MismatchLog log, int logLines,
                                                        List<RunResult> result) {
        AgentMetrics.Reading[] last = new AgentMetrics.Reading[1];
        result.add(HeldRun.run(agentRun, args, running -> {
            await().atMost(COMPARED_WITHIN).ignoreExceptions().until(() -> {
                last[0] = metrics.read();
                return last[0].shadowDone() >= shadowReads && log.lines().size() >= logLines;
            });
            last[0] = metrics.read();
        }));
        return last[0];
    }

    @Test
    void seededDifferencesAreLoggedOneLinePerDifferingReadAndNothingElse() {
        for (long id : CHANGED) {
            ReadTables.execute(secondary(), "UPDATE " + ReadSchema.MARKERS + " SET label = ? WHERE id = ?",
                    "changed-" + id, id);
        }
        ReadTables.execute(secondary(), "DELETE FROM " + ReadSchema.MARKERS + " WHERE id = ?", MISSING);
        AgentMetrics metrics = AgentMetrics.onAFreePort();
        AgentRun agentRun = AgentRun.with(shadowing(metrics).maskValues(false));
        MismatchLog log = MismatchLog.nextTo(agentRun);
        List<RunResult> runs = new ArrayList<>();

        AgentMetrics.Reading counted = runAndAwaitComparisons(agentRun, metrics,
                reads("plain", ReadTables.MARKER_ROWS, ReadTables.MARKER_ROWS), ReadTables.MARKER_ROWS, log, 4, runs);

        ReadOutput output = ReadOutput.of(runs.get(0));
        for (Map<String, String> answer : output.answers("plain")) {
            assertThat(answer).as("the answer to the read of id %s, the primary's row%n%s", answer.get("id"),
                    output.describe())
                    .containsEntry("returned-id", answer.get("id"))
                    .containsEntry("label", "label-" + answer.get("id"));
        }
        assertThat(output.total("plain").errors).as("reads that failed in the application%n%s", output.describe())
                .isZero();
        assertThat(counted.shadow("mismatched")).as("mismatched shadow reads (%s)", counted.describeReads())
                .isEqualTo(4);
        assertThat(counted.shadow("matched")).as("matched shadow reads (%s)", counted.describeReads())
                .isEqualTo(ReadTables.MARKER_ROWS - 4);

        Map<Long, MismatchLog.Line> byId = new TreeMap<>();
        for (MismatchLog.Line line : log.lines()) {
            assertThat(line.boundNumbers()).as("the bound parameters of %s", line).hasSize(1);
            assertThat(byId.put(line.boundNumbers().get(0), line)).as("a second line for the same read: %s%n%s",
                    line, log).isNull();
        }
        assertThat(byId.keySet()).as("the ids of the reads in the %s", log).containsExactly(3L, 5L, 7L, MISSING);
        for (MismatchLog.Line line : byId.values()) {
            assertThat(line.fields).as("a line of the mismatch log").containsKeys("time", "sql", "parameters",
                    "kind", "primaryRows", "secondaryRows");
            assertThat(line.string("sql")).as("the read's SQL in %s", line).contains(ReadSchema.MARKERS);
        }
        for (long id : CHANGED) {
            MismatchLog.Line line = byId.get(id);
            assertThat(line.fields).as("a line of the mismatch log").containsKeys("row", "column", "primary",
                    "secondary");
            assertThat(line.string("column")).as("the differing column in %s", line).isEqualToIgnoringCase("label");
            assertThat(line.string("primary")).as("the primary's value in %s", line).isEqualTo("label-" + id);
            assertThat(line.string("secondary")).as("the secondary's value in %s", line).isEqualTo("changed-" + id);
        }
        MismatchLog.Line missing = byId.get(MISSING);
        assertThat(missing.number("primaryRows")).as("rows the primary returned, in %s", missing).isEqualTo(1);
        assertThat(missing.number("secondaryRows")).as("rows the secondary returned, in %s", missing).isZero();
    }

    @Test
    void identicalDataOfEveryColumnTypeIsNoMismatch() {
        int typedRows = 5;
        ReadTables.seedTyped(primary(), typedRows);
        ReadTables.seedTyped(secondary(), typedRows);
        AgentMetrics metrics = AgentMetrics.onAFreePort();
        AgentRun agentRun = AgentRun.with(shadowing(metrics).maskValues(false));
        MismatchLog log = MismatchLog.nextTo(agentRun);
        List<RunResult> runs = new ArrayList<>();
        int reads = 2 * typedRows;

        AgentMetrics.Reading counted = runAndAwaitComparisons(agentRun, metrics,
                reads("typed,plain", typedRows, typedRows), reads, log, 0, runs);

        ReadOutput output = ReadOutput.of(runs.get(0));
        for (Map<String, String> answer : output.answers("typed")) {
            assertThat(answer).as("a typed read%n%s", output.describe()).containsEntry("rows", "1");
        }
        assertThat(counted.shadow("matched")).as("matched shadow reads (%s); %s", counted.describeReads(), log)
                .isEqualTo(reads);
        assertThat(counted.shadow("mismatched")).as("mismatched shadow reads (%s); %s", counted.describeReads(), log)
                .isZero();
        assertThat(counted.shadow("failed")).as("failed shadow reads (%s)", counted.describeReads()).isZero();
        assertThat(log.lines()).as("the %s", log).isEmpty();
    }

    @Test
    void withMaskValuesTheLogTellsWhereReadsDifferAndShowsNoValue() {
        List<String> seeded = new ArrayList<>();
        for (long id : CHANGED) {
            seeded.addAll(seed(primary(), id, "p-secret-" + id, new BigDecimal("12345.6" + id)));
            seeded.addAll(seed(secondary(), id, "s-secret-" + id, new BigDecimal("76543.2" + id)));
        }
        seeded.addAll(seed(primary(), MISSING, "p-secret-" + MISSING, new BigDecimal("24680.1" + MISSING)));
        ReadTables.execute(secondary(), "DELETE FROM " + ReadSchema.MARKERS + " WHERE id = ?", MISSING);
        AgentMetrics metrics = AgentMetrics.onAFreePort();
        AgentRun agentRun = AgentRun.with(shadowing(metrics).maskValues(true).mismatchLog("shadow-mismatches.jsonl"));
        MismatchLog log = MismatchLog.in(agentRun, "shadow-mismatches.jsonl");
        List<RunResult> runs = new ArrayList<>();

        AgentMetrics.Reading counted = runAndAwaitComparisons(agentRun, metrics,
                reads("plain", ReadTables.MARKER_ROWS, ReadTables.MARKER_ROWS), ReadTables.MARKER_ROWS, log, 4, runs);

        assertThat(ReadOutput.of(runs.get(0)).total("plain").errors).as("reads that failed in the application")
                .isZero();
        assertThat(counted.shadow("mismatched")).as("mismatched shadow reads (%s)", counted.describeReads())
                .isEqualTo(4);
        List<MismatchLog.Line> lines = log.lines();
        assertThat(lines).as("the %s", log).hasSize(4);
        for (MismatchLog.Line line : lines) {
            for (String side : Arrays.asList("primary", "secondary")) {
                assertThat(line.string(side)).as("the %s's value in %s", side, line).isIn(null, "***");
            }
        }
        String text = log.text();
        for (String value : seeded) {
            assertThat(text).as("the masked %s", log).doesNotContain(value);
        }
    }

    /** Sets the label and amount of one row on one side; returns the values as the log could show them. */
    private static List<String> seed(TestDatabase db, long id, String label, BigDecimal amount) {
        ReadTables.execute(db, "UPDATE " + ReadSchema.MARKERS + " SET label = ?, amount = ? WHERE id = ?", label,
                amount, id);
        return Arrays.asList(label, amount.toPlainString());
    }
}
