package io.dualwrite.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters a running agent serves on its Prometheus endpoint ({@code metrics.port}), read by a test while
 * the application runs: the exit line only tells what happened once everything is over.
 */
final class AgentMetrics {

    private static final int TIMEOUT_MS = 2000;

    private final int port;

    private AgentMetrics(int port) {
        this.port = port;
    }

    /** A loopback port free right now, for {@code metrics.port}. */
    static AgentMetrics onAFreePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new AgentMetrics(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the agent's metrics", e);
        }
    }

    int port() {
        return port;
    }

    /** One reading of every sample, by name and labels as printed: {@code dualwrite_circuit_state{state="open"}}. */
    Reading read() {
        try {
            HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics")
                    .openConnection();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            try (InputStream in = http.getInputStream()) {
                return Reading.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the agent's metrics on 127.0.0.1:" + port, e);
        }
    }

    /** The samples of one scrape. */
    static final class Reading {

        /** The names of the read counters, in this one place. */
        static final String READS = "dualwrite_reads_total";
        static final String READ_FALLBACKS = "dualwrite_read_fallbacks_total";
        static final String SHADOW_READS = "dualwrite_shadow_reads_total";

        private final Map<String, Double> samples;

        private Reading(Map<String, Double> samples) {
            this.samples = samples;
        }

        static Reading parse(String text) {
            Map<String, Double> samples = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
            return new Reading(samples);
        }

        /** closed, open or draining; "unknown" when the endpoint does not say. */
        String circuit() {
            for (String state : new String[] {"closed", "open", "draining"}) {
                if (value("dualwrite_circuit_state{state=\"" + state + "\"}") == 1) {
                    return state;
                }
            }
            return "unknown";
        }

        /** -1 when the endpoint does not say. */
        long backlogRecords() {
            double records = value("dualwrite_journal_backlog_records");
            return Double.isNaN(records) ? -1 : (long) records;
        }

        double lagSeconds() {
            return value("dualwrite_replication_lag_seconds");
        }

        /** Writes seen so far whose fate is {@code outcome} (applied, journaled, ignored, ...); -1 when not said. */
        long writes(String outcome) {
            double writes = value("dualwrite_writes_total{outcome=\"" + outcome + "\"}");
            return Double.isNaN(writes) ? -1 : (long) writes;
        }

        /** Reads routed so far that {@code side} ({@code primary} or {@code secondary}) answered; -1 when not said. */
        long reads(String side) {
            return count(READS + "{side=\"" + side + "\"}");
        }

        /** Reads the secondary failed and the primary answered instead; -1 when not said. */
        long readFallbacks() {
            return count(READ_FALLBACKS);
        }

        /**
         * Shadow reads whose {@code result} is {@code matched}, {@code mismatched}, {@code skipped}, {@code dropped}
         * or {@code failed}; -1 when not said.
         */
        long shadow(String result) {
            return count(SHADOW_READS + "{result=\"" + result + "\"}");
        }

        /** Shadow reads whose fate is known so far: compared (alike or not), skipped, dropped or failed. */
        long shadowDone() {
            long done = 0;
            for (String result : new String[] {"matched", "mismatched", "skipped", "dropped", "failed"}) {
                done += Math.max(0, shadow(result));
            }
            return done;
        }

        private long count(String sample) {
            double count = value(sample);
            return Double.isNaN(count) ? -1 : (long) count;
        }

        /** Mirroring directly, with nothing left in the journal. */
        boolean caughtUp() {
            return circuit().equals("closed") && backlogRecords() == 0;
        }

        private double value(String sample) {
            Double value = samples.get(sample);
            return value == null ? Double.NaN : value;
        }

        @Override
        public String toString() {
            return "circuit " + circuit() + ", journal backlog " + backlogRecords() + " records, replication lag "
                    + lagSeconds() + " s";
        }

        /** The read counters, for assertion messages. */
        String describeReads() {
            return "reads primary " + reads("primary") + ", secondary " + reads("secondary") + ", fallbacks "
                    + readFallbacks() + "; shadow reads matched " + shadow("matched") + ", mismatched "
                    + shadow("mismatched") + ", skipped " + shadow("skipped") + ", dropped " + shadow("dropped")
                    + ", failed " + shadow("failed");
        }
    }
}
