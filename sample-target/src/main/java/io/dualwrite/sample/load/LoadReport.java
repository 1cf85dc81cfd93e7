package io.dualwrite.sample.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What a run measured, printed as a table and written by {@code --json FILE} as one JSON object:
 * <pre>
 * {
 *   "mode": "primary-only" | "hand-written-dual-write",  who wrote to the secondary (see below)
 *   "primary": "PostgreSQL",            the databases' products (never their URLs, which may hold a password)
 *   "secondary": "MariaDB" | null,      only in hand-written dual-write mode
 *   "threads": 4, "durationSeconds": 10, "warmupSeconds": 2, "batch": 1, "initialRows": 10000,
 *   "mix": "insert:50,update:30,delete:10,select:10",   the kinds of weight above 0
 *   "rate": 0,                          the --rate asked for, 0 for none
 *   "measuredMillis": 10004,            from the end of the warm-up until every thread stopped
 *   "operations": 81234,                successful measured operations of every kind (a batch is one)
 *   "operationsPerSecond": 8120.1,
 *   "rows": 81234,                      rows inserted, updated, deleted or read by them
 *   "errors": 0,                        failed measured operations (left out of the latencies)
 *   "latencyMicros": {"p50": 310, "p99": 1900, "p999": 4100, "max": 9800, "mean": 402.3},
 *   "kinds": {"insert": {"operations", "operationsPerSecond", "rows", "errors", "latencyMicros"}, ...},
 *   "replicationLagMillis": {"samples": 1000, "p50": 0, "p99": 12, "p999": 30, "max": 41} | null,
 *   "heap": {"maxUsedBytes": ..., "usedAfterGcBytes": ..., "maxBytes": ...}
 * }
 * </pre>
 * {@code primary-only} means the generator wrote to the primary alone: the writes reach the secondary only if
 * the agent is attached, which the generator cannot tell. Latencies are per operation, in microseconds, from
 * HdrHistogram (3 significant digits). {@code heap.maxUsedBytes} is the most heap in use among samples every 50 ms
 * of warm-up and measurement, garbage included; {@code heap.usedAfterGcBytes} the heap in use after a full GC at
 * the end; {@code heap.maxBytes} the heap's limit, -1 for none. {@code replicationLagMillis} is null unless the
 * agent is attached: then it holds the agent's {@code ReplicationLagMillis} sampled every 10 ms while measuring
 * (the wait of the oldest write queued for the secondary: 0 whenever nothing waits, so always 0 in sync mode).
 */
final class LoadReport {

    static final String MODE_SINGLE = "primary-only";
    static final String MODE_HAND_WRITTEN = "hand-written-dual-write";

    private final LoadOptions options;
    private final String primaryProduct;
    private final String secondaryProduct;
    private final Measurements measurements;
    private final long measuredNanos;
    /** Null without the agent. */
    private final Histogram lagMillis;
    private final long maxUsedHeapBytes;
    private final long usedHeapAfterGcBytes;
    private final long maxHeapBytes;

    LoadReport(LoadOptions options, String primaryProduct, String secondaryProduct, Measurements measurements,
               long measuredNanos, Histogram lagMillis, long maxUsedHeapBytes, long usedHeapAfterGcBytes,
               long maxHeapBytes) {
        this.options = options;
        this.primaryProduct = primaryProduct;
        this.secondaryProduct = secondaryProduct;
        this.measurements = measurements;
        this.measuredNanos = measuredNanos;
        this.lagMillis = lagMillis;
        this.maxUsedHeapBytes = maxUsedHeapBytes;
        this.usedHeapAfterGcBytes = usedHeapAfterGcBytes;
        this.maxHeapBytes = maxHeapBytes;
    }

    void print(PrintStream out) {
        out.println("load: " + mode() + ", primary " + primaryProduct
                + (secondaryProduct == null ? "" : ", secondary " + secondaryProduct) + ", " + options.threads
                + " threads, mix " + options.mix + ", batch " + options.batch + ", " + options.rows
                + " initial rows" + (options.rate == 0 ? "" : ", rate " + options.rate + "/s") + ", warm-up "
                + options.warmupSeconds + " s, measured "
                + String.format(Locale.ROOT, "%.2f s", seconds()));
        out.println(String.format(Locale.ROOT, "%-7s %10s %10s %10s %7s %9s %9s %9s %9s", "kind", "ops", "ops/s",
                "rows", "errors", "p50 us", "p99 us", "p99.9 us", "max us"));
        for (OperationKind kind : options.mix.kinds()) {
            printLine(out, kind.label(), measurements.of(kind));
        }
        printLine(out, "all", measurements.overall());
        if (lagMillis != null) {
            out.println(String.format(Locale.ROOT, "replication lag (agent's ReplicationLagMillis every %d ms): p50 %d"
                            + " ms, p99 %d ms, p99.9 %d ms, max %d ms", LagSampler.INTERVAL_MS,
                    lagMillis.getValueAtPercentile(50), lagMillis.getValueAtPercentile(99),
                    lagMillis.getValueAtPercentile(99.9), lagMillis.getMaxValue()));
        }
        out.println(String.format(Locale.ROOT, "heap: max used %.1f MB (sampled every %d ms), used after GC %.1f MB,"
                        + " limit %s", megabytes(maxUsedHeapBytes), HeapSampler.INTERVAL_MS,
                megabytes(usedHeapAfterGcBytes),
                maxHeapBytes < 0 ? "none" : String.format(Locale.ROOT, "%.1f MB", megabytes(maxHeapBytes))));
    }

    private void printLine(PrintStream out, String label, KindMeasurements kind) {
        Histogram latency = kind.latencyMicros;
        out.println(String.format(Locale.ROOT, "%-7s %10d %10.1f %10d %7d %9d %9d %9d %9d", label, kind.operations(),
                perSecond(kind.operations()), kind.rows, kind.errors, latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9), latency.getMaxValue()));
    }

    JsonObject toJson() {
        JsonObject kinds = new JsonObject();
        for (OperationKind kind : options.mix.kinds()) {
            kinds.put(kind.label(), counts(measurements.of(kind)));
        }
        JsonObject json = new JsonObject()
                .put("mode", mode())
                .put("primary", primaryProduct)
                .put("secondary", secondaryProduct)
                .put("threads", options.threads)
                .put("durationSeconds", options.durationSeconds)
                .put("warmupSeconds", options.warmupSeconds)
                .put("batch", options.batch)
                .put("initialRows", options.rows)
                .put("mix", options.mix.toString())
                .put("rate", options.rate)
                .put("measuredMillis", measuredNanos / 1_000_000);
        JsonObject overall = counts(measurements.overall());
        for (String field : new String[] {"operations", "operationsPerSecond", "rows", "errors", "latencyMicros"}) {
            json.put(field, overall.get(field));
        }
        return json.put("kinds", kinds)
                .put("replicationLagMillis", lagMillis == null ? null : new JsonObject()
                        .put("samples", lagMillis.getTotalCount())
                        .put("p50", lagMillis.getValueAtPercentile(50))
                        .put("p99", lagMillis.getValueAtPercentile(99))
                        .put("p999", lagMillis.getValueAtPercentile(99.9))
                        .put("max", lagMillis.getMaxValue()))
                .put("heap", new JsonObject()
                        .put("maxUsedBytes", maxUsedHeapBytes)
                        .put("usedAfterGcBytes", usedHeapAfterGcBytes)
                        .put("maxBytes", maxHeapBytes));
    }

    void writeJson(Path file) throws IOException {
        Files.write(file, (toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject counts(KindMeasurements kind) {
        Histogram latency = kind.latencyMicros;
        return new JsonObject()
                .put("operations", kind.operations())
                .put("operationsPerSecond", perSecond(kind.operations()))
                .put("rows", kind.rows)
                .put("errors", kind.errors)
                .put("latencyMicros", new JsonObject()
                        .put("p50", latency.getValueAtPercentile(50))
                        .put("p99", latency.getValueAtPercentile(99))
                        .put("p999", latency.getValueAtPercentile(99.9))
                        .put("max", latency.getMaxValue())
                        .put("mean", latency.getTotalCount() == 0 ? 0.0 : latency.getMean()));
    }

    private String mode() {
        return options.handWrittenDualWrite() ? MODE_HAND_WRITTEN : MODE_SINGLE;
    }

    private double seconds() {
        return measuredNanos / 1e9;
    }

    private double perSecond(long count) {
        return count / seconds();
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
