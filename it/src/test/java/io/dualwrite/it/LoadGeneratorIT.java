package io.dualwrite.it;

import io.dualwrite.sample.load.OrdersTable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's measuring workload generator, {@code load}, on {@code bench_orders}: under the agent (sync,
 * PostgreSQL to MariaDB) and as the hand-written dual-write baseline without it. Each run is short; its figures
 * are only checked to be present and consistent, never against a speed.
 */
class LoadGeneratorIT extends DatabasePairPerClass {

    private static final String[] KINDS = {"insert", "update", "delete", "select"};
    private static final String[] SHORT_RUN = {"--threads", "2", "--duration", "2", "--warmup", "1", "--rows", "2000"};

    LoadGeneratorIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @Test
    void underTheAgentTheReportIsCompleteAndTheSecondaryEqualsThePrimary() {
        // with the agent, the application's DDL is not mirrored (writes.ddl is off): the secondary's table is
        // created beforehand, as an operator would
        SampleSchema.createOrdersTable(secondary());
        Path json = reportFile();
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases).mode("sync"))
                .run(SampleCommand.load(primary(), with(SHORT_RUN, "--json", json.toString())))
                .assertExitedNormally();

        Map<String, Object> report = readReport(json, run);
        assertSaneReport(report, "primary-only", run);
        assertThat(run.consistentStats().journaled).as("writes the agent journaled%n%s", run.describe()).isZero();
        Map<String, Object> lag = object(report, "replicationLagMillis");
        assertThat(number(lag, "samples")).as("replication lag samples%n%s", run.describe()).isPositive();
        assertThat(number(lag, "max")).as("replication lag in sync mode, where nothing waits%n%s", run.describe())
                .isZero();
        run.verify(() -> TableComparison.assertSameRowsIn(primary(), secondary(),
                Collections.singletonList(OrdersTable.NAME)));
    }

    @Test
    void handWrittenDualWriteWithoutTheAgentLeavesBothSidesEqual() {
        Path json = reportFile();
        RunResult run = AgentRun.withoutAgent()
                .run(SampleCommand.handWrittenLoad(primary(), secondary(),
                        with(SHORT_RUN, "--batch", "5", "--json", json.toString())))
                .assertExitedNormally();

        Map<String, Object> report = readReport(json, run);
        assertSaneReport(report, "hand-written-dual-write", run);
        assertThat(report.get("secondary")).as("the secondary's product%n%s", run.describe()).isEqualTo("MariaDB");
        assertThat(report).as("without the agent%n%s", run.describe()).containsEntry("replicationLagMillis", null);
        assertThat(number(kind(report, "insert"), "rows")).as("rows inserted, 5 per batch%n%s", run.describe())
                .isEqualTo(number(kind(report, "insert"), "operations") * 5);
        run.verify(() -> TableComparison.assertSameRowsIn(primary(), secondary(),
                Collections.singletonList(OrdersTable.NAME)));
    }

    @Test
    void anUnknownKindInTheMixIsAUsageError() {
        RunResult run = AgentRun.withoutAgent().run(SampleCommand.load(primary(), "--mix", "insert:50,upsert:10"));

        assertThat(run.exitCode()).as("exit code%n%s", run.describe()).isEqualTo(2);
        assertThat(run.stderr()).as("the usage error%n%s", run.describe())
                .contains("usage error: --mix: unknown kind 'upsert': one of insert, update, delete, select");
        assertThat(run.stdout()).as("what ran after the rejected command line%n%s", run.describe()).isEmpty();
    }

    private void assertSaneReport(Map<String, Object> report, String mode, RunResult run) {
        String shown = run.describe();
        assertThat(report.get("mode")).as("mode%n%s", shown).isEqualTo(mode);
        assertThat(report.get("primary")).as("the primary's product%n%s", shown).isEqualTo("PostgreSQL");
        assertThat(number(report, "errors")).as("errors%n%s", shown).isZero();
        assertThat(number(report, "measuredMillis")).as("measured time%n%s", shown).isPositive();
        assertOrderedLatencies(report, "all kinds", shown);
        long operations = 0;
        for (String kind : KINDS) {
            Map<String, Object> measured = kind(report, kind);
            assertThat(number(measured, "operations")).as("%s operations%n%s", kind, shown).isPositive();
            assertThat(number(measured, "errors")).as("%s errors%n%s", kind, shown).isZero();
            assertOrderedLatencies(measured, kind, shown);
            operations += number(measured, "operations");
        }
        assertThat(number(report, "operations")).as("all operations, the sum of the kinds'%n%s", shown)
                .isEqualTo(operations);
        Map<String, Object> heap = object(report, "heap");
        assertThat(number(heap, "usedAfterGcBytes")).as("heap used after GC%n%s", shown).isPositive();
        assertThat(number(heap, "maxUsedBytes")).as("most heap used%n%s", shown).isPositive();
    }

    private static void assertOrderedLatencies(Map<String, Object> measured, String what, String shown) {
        Map<String, Object> latency = object(measured, "latencyMicros");
        long p50 = number(latency, "p50");
        long p99 = number(latency, "p99");
        long p999 = number(latency, "p999");
        long max = number(latency, "max");
        assertThat(p50).as("%s: p50 %d <= p99 %d <= p99.9 %d <= max %d%n%s", what, p50, p99, p999, max, shown)
                .isLessThanOrEqualTo(p99);
        assertThat(p99).as("%s: p99 %d <= p99.9 %d%n%s", what, p99, p999, shown).isLessThanOrEqualTo(p999);
        assertThat(p999).as("%s: p99.9 %d <= max %d%n%s", what, p999, max, shown).isLessThanOrEqualTo(max);
        assertThat(max).as("%s: max latency%n%s", what, shown).isPositive();
    }


    private static Path reportFile() {
        return ItPaths.newWorkFile("load-reports", "load-", ".json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readReport(Path json, RunResult run) {
        try {
            String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
            Object parsed = MismatchLog.Json.parse(text);
            assertThat(parsed).as("the JSON report %s: %s%n%s", json, text, run.describe()).isInstanceOf(Map.class);
            return (Map<String, Object>) parsed;
        } catch (IOException e) {
            throw new AssertionError("could not read the report " + json + ": " + e + "\n" + run.describe(), e);
        }
    }

    private static Map<String, Object> kind(Map<String, Object> report, String kind) {
        return object(object(report, "kinds"), kind);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String field) {
        Object value = json.get(field);
        assertThat(value).as("object field %s in %s", field, json).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static long number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        assertThat(value).as("number field %s in %s", field, json).isInstanceOf(BigDecimal.class);
        return ((BigDecimal) value).longValueExact();
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
