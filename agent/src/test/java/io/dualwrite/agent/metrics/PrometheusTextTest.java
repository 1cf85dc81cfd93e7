package io.dualwrite.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** The sample lines, in order, of {@link MetricsSnapshotTest#sample()}. */
    static final List<String> SAMPLE_LINES = List.of(
            "dualwrite_writes_seen_total 100",
            "dualwrite_writes_total{outcome=\"applied\"} 60",
            "dualwrite_writes_total{outcome=\"journaled\"} 20",
            "dualwrite_writes_total{outcome=\"skipped\"} 10",
            "dualwrite_writes_total{outcome=\"ignored\"} 6",
            "dualwrite_writes_total{outcome=\"lost\"} 4",
            "dualwrite_writes_rolled_back_total 7",
            "dualwrite_writes_nondeterministic_total 17",
            "dualwrite_journal_replayed_total 15",
            "dualwrite_journal_dead_lettered_total 2",
            "dualwrite_queue_depth 3",
            "dualwrite_journal_backlog_records 5",
            "dualwrite_journal_backlog_bytes 4096",
            "dualwrite_replication_lag_seconds 1.500",
            "dualwrite_circuit_state{state=\"closed\"} 0",
            "dualwrite_circuit_state{state=\"open\"} 1",
            "dualwrite_circuit_state{state=\"draining\"} 0",
            "dualwrite_reads_total{side=\"primary\"} 41",
            "dualwrite_reads_total{side=\"secondary\"} 31",
            "dualwrite_read_fallbacks_total 8",
            "dualwrite_shadow_reads_total{result=\"matched\"} 16",
            "dualwrite_shadow_reads_total{result=\"mismatched\"} 9",
            "dualwrite_shadow_reads_total{result=\"skipped\"} 11",
            "dualwrite_shadow_reads_total{result=\"dropped\"} 12",
            "dualwrite_shadow_reads_total{result=\"failed\"} 13");

    @Test
    void everyValueOfASnapshotIsOneSampleLine() {
        String text = PrometheusText.render(MetricsSnapshotTest.sample().build());

        assertThat(samples(text)).containsExactlyElementsOf(SAMPLE_LINES);
    }

    @Test
    void everyMetricHasItsHelpAndTypeLinesRightBeforeItsSamples() {
        String text = PrometheusText.render(MetricsSnapshot.builder().build());
        List<String> lines = text.lines().collect(Collectors.toList());

        for (String counter : List.of("dualwrite_writes_seen_total", "dualwrite_writes_total",
                "dualwrite_writes_rolled_back_total", "dualwrite_writes_nondeterministic_total",
                "dualwrite_journal_replayed_total",
                "dualwrite_journal_dead_lettered_total", "dualwrite_reads_total", "dualwrite_read_fallbacks_total",
                "dualwrite_shadow_reads_total")) {
            assertFamily(lines, counter, "counter");
        }
        for (String gauge : List.of("dualwrite_queue_depth", "dualwrite_journal_backlog_records",
                "dualwrite_journal_backlog_bytes", "dualwrite_replication_lag_seconds", "dualwrite_circuit_state")) {
            assertFamily(lines, gauge, "gauge");
        }
        assertThat(lines).filteredOn(line -> line.startsWith("# TYPE ")).hasSize(14);
        assertThat(lines).filteredOn(line -> line.startsWith("# HELP ")).hasSize(14);
        assertThat(text).as("the format wants the last line ended too").endsWith("\n");
    }

    private static void assertFamily(List<String> lines, String name, String type) {
        int typeLine = lines.indexOf("# TYPE " + name + " " + type);
        assertThat(typeLine).as("the TYPE line of %s", name).isPositive();
        assertThat(lines.get(typeLine - 1)).startsWith("# HELP " + name + " ");
        assertThat(lines.get(typeLine + 1)).matches(name + "(\\{.*\\})? \\S+");
    }

    @Test
    void theLagIsInSecondsToTheMillisecond() {
        assertThat(lagLine(0)).isEqualTo("dualwrite_replication_lag_seconds 0.000");
        assertThat(lagLine(7)).isEqualTo("dualwrite_replication_lag_seconds 0.007");
        assertThat(lagLine(86_400_123)).isEqualTo("dualwrite_replication_lag_seconds 86400.123");
    }

    @Test
    void exactlyTheCurrentCircuitStateIsOne() {
        for (String state : MetricsSnapshot.CIRCUIT_STATES) {
            String text = PrometheusText.render(MetricsSnapshot.builder().circuit(state).build());

            assertThat(samples(text)).filteredOn(line -> line.startsWith("dualwrite_circuit_state"))
                    .filteredOn(line -> line.endsWith(" 1"))
                    .containsExactly("dualwrite_circuit_state{state=\"" + state + "\"} 1");
        }
    }

    private static String lagLine(long millis) {
        return samples(PrometheusText.render(MetricsSnapshot.builder().replicationLagMillis(millis).build())).stream()
                .filter(line -> line.startsWith("dualwrite_replication_lag_seconds")).findFirst().orElseThrow();
    }

    static List<String> samples(String text) {
        return text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.toList());
    }
}
