package io.dualwrite.agent.metrics;

import java.math.BigDecimal;

/** A snapshot in Prometheus' text exposition format, version 0.0.4. */
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
