package io.dualwrite.agent.metrics;

import java.math.BigDecimal;

/**
 * A snapshot in Prometheus' text exposition format, version 0.0.4. Writes:
 * <ul>
 * <li>{@code dualwrite_writes_seen_total},
 * {@code dualwrite_writes_total{outcome="applied|journaled|skipped|ignored|lost"}},
 * {@code dualwrite_writes_rolled_back_total}, {@code dualwrite_writes_nondeterministic_total},
 * {@code dualwrite_journal_replayed_total},
 * {@code dualwrite_journal_dead_lettered_total}: counters;
 * <li>{@code dualwrite_queue_depth}, {@code dualwrite_journal_backlog_records},
 * {@code dualwrite_journal_backlog_bytes}, {@code dualwrite_replication_lag_seconds},
 * {@code dualwrite_circuit_state{state="closed|open|draining"}}: gauges.
 * </ul>
 * Reads, all counters:
 * <ul>
 * <li>{@code dualwrite_reads_total{side="primary|secondary"}}: routed reads by the database that answered;
 * <li>{@code dualwrite_read_fallbacks_total}: reads that failed on the secondary and were answered by the primary,
 * already counted in {@code side="primary"};
 * <li>{@code dualwrite_shadow_reads_total{result="matched|mismatched|skipped|dropped|failed"}}: every shadow read
 * by what became of it, one result each, like the outcomes of writes.
 * </ul>
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(2048);
    /** The family the next samples belong to. */
    private String name;

    private PrometheusText() {
    }

    static String render(MetricsSnapshot s) {
        PrometheusText text = new PrometheusText();
        text.family("dualwrite_writes_seen_total", "counter",
                "Writes seen on the primary whose outcome is decided; the sum of dualwrite_writes_total.")
                .sample("", s.seen());
        text.family("dualwrite_writes_total", "counter",
                "Writes seen, by outcome: applied on the secondary, journaled for replay, skipped by configuration, "
                        + "ignored after a failure (on-failure: ignore), lost (neither applied nor kept).")
                .sample("{outcome=\"applied\"}", s.applied())
                .sample("{outcome=\"journaled\"}", s.journaled())
                .sample("{outcome=\"skipped\"}", s.skipped())
                .sample("{outcome=\"ignored\"}", s.ignored())
                .sample("{outcome=\"lost\"}", s.lost());
        text.family("dualwrite_writes_rolled_back_total", "counter",
                "Writes of transactions the application rolled back; they reach neither database.")
                .sample("", s.rolledBack());
        text.family("dualwrite_writes_nondeterministic_total", "counter",
                "Mirrored writes whose SQL has expressions such as now() or random() that the primary and the secondary "
                        + "each evaluate on their own, so their values may differ; not an outcome.")
                .sample("", s.nondeterministic());
        text.family("dualwrite_journal_replayed_total", "counter",
                "Journaled writes since applied on the secondary by the replay.")
                .sample("", s.replayed());
        text.family("dualwrite_journal_dead_lettered_total", "counter",
                "Journaled writes the replay gave up on and set aside as dead letters.")
                .sample("", s.deadLettered());
        text.family("dualwrite_queue_depth", "gauge", "Writes waiting in the async queue; 0 in sync mode.")
                .sample("", s.queueDepth());
        text.family("dualwrite_journal_backlog_records", "gauge", "Journaled writes not yet replayed.")
                .sample("", s.journalBacklogRecords());
        text.family("dualwrite_journal_backlog_bytes", "gauge", "Bytes the journal backlog takes on disk.")
                .sample("", s.journalBacklogBytes());
        text.family("dualwrite_replication_lag_seconds", "gauge",
                "Age of the oldest write not yet applied on the secondary; 0 when there is none.")
                .sample("", BigDecimal.valueOf(s.replicationLagMillis(), 3).toPlainString());
        PrometheusText circuit = text.family("dualwrite_circuit_state", "gauge",
                "1 for the circuit's current state: closed (mirroring directly), open (writes go to the journal), "
                        + "draining (replaying the journal).");
        for (String state : MetricsSnapshot.CIRCUIT_STATES) {
            circuit.sample("{state=\"" + state + "\"}", state.equals(s.circuit()) ? 1 : 0);
        }
        text.family("dualwrite_reads_total", "counter",
                "Reads routed by the agent, by the database that answered: a read that failed on the secondary and "
                        + "was answered by the primary counts for the primary.")
                .sample("{side=\"primary\"}", s.primaryReads())
                .sample("{side=\"secondary\"}", s.secondaryReads());
        text.family("dualwrite_read_fallbacks_total", "counter",
                "Reads routed to the secondary that failed there and were answered by the primary; part of "
                        + "dualwrite_reads_total{side=\"primary\"}.")
                .sample("", s.fallbackReads());
        text.family("dualwrite_shadow_reads_total", "counter",
                "Shadow reads, by result: compared and matched or mismatched, skipped (too many rows, result not "
                        + "read to the end or scrolled), dropped (comparison executor saturated), failed (the "
                        + "secondary did not answer).")
                .sample("{result=\"matched\"}", s.shadowReadsMatched())
                .sample("{result=\"mismatched\"}", s.shadowReadsMismatched())
                .sample("{result=\"skipped\"}", s.shadowReadsSkipped())
                .sample("{result=\"dropped\"}", s.shadowReadsDropped())
                .sample("{result=\"failed\"}", s.shadowReadsFailed());
        return text.out.toString();
    }

    private PrometheusText family(String metric, String type, String help) {
        name = metric;
        out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(metric).append(' ').append(type).append('\n');
        return this;
    }

    private PrometheusText sample(String labels, long value) {
        return sample(labels, Long.toString(value));
    }

    private PrometheusText sample(String labels, String value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
        return this;
    }
}
