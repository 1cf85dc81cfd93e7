package io.dualwrite.it;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The figures the side-by-side benchmark takes from one {@code load --json} report. */
final class LoadFigures {

    final double operationsPerSecond;
    final long errors;
    final long p50Micros;
    final long p99Micros;
    final long p999Micros;
    final long heapUsedAfterGcBytes;
    /** -1 when the report has no replication lag (no agent). */
    final long lagP99Millis;

    private LoadFigures(Map<String, Object> report) {
        operationsPerSecond = number(report, "operationsPerSecond").doubleValue();
        errors = number(report, "errors").longValueExact();
        Map<String, Object> latency = object(report, "latencyMicros");
        p50Micros = number(latency, "p50").longValueExact();
        p99Micros = number(latency, "p99").longValueExact();
        p999Micros = number(latency, "p999").longValueExact();
        heapUsedAfterGcBytes = number(object(report, "heap"), "usedAfterGcBytes").longValueExact();
        Object lag = report.get("replicationLagMillis");
        lagP99Millis = lag == null ? -1 : number(cast(lag, "replicationLagMillis"), "p99").longValueExact();
    }

    static LoadFigures read(Path json) {
        String text;
        try {
            text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("no report at " + json + ": " + e, e);
        }
        return new LoadFigures(cast(MismatchLog.Json.parse(text), "the report " + json));
    }

    private static BigDecimal number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (!(value instanceof BigDecimal)) {
            throw new IllegalStateException("no number " + field + " in " + json);
        }
        return (BigDecimal) value;
    }

    private static Map<String, Object> object(Map<String, Object> json, String field) {
        return cast(json.get(field), field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException(what + " is not a JSON object: " + value);
        }
        return (Map<String, Object>) value;
    }
}
