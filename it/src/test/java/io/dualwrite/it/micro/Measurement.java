package io.dualwrite.it.micro;

import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** One benchmark's figure: its name, parameters and threads, the agent configuration it ran under, and its score. */
final class Measurement {

    /** The benchmark's method (class and method names, no package). */
    final String benchmark;
    /** Its JMH parameters and threads, as {@code fsync=BATCH, 4 threads}; empty when it has neither. */
    final String variant;
    /** Null for benchmarks that call the agent's classes directly, in a JVM without the agent. */
    final AdviceConfiguration configuration;
    final double score;
    /** The 99.9 % confidence half-interval; NaN when there were too few iterations to compute one. */
    final double error;
    final String unit;

    private Measurement(String benchmark, String variant, AdviceConfiguration configuration, double score, double error,
            String unit) {
        this.benchmark = benchmark;
        this.variant = variant;
        this.configuration = configuration;
        this.score = score;
        this.error = error;
        this.unit = unit;
    }

    static Measurement of(RunResult run, AdviceConfiguration configuration) {
        String full = run.getParams().getBenchmark();
        String[] parts = full.split("\\.");
        String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Map<String, String> params = new TreeMap<>();
        for (String key : run.getParams().getParamsKeys()) {
            params.put(key, run.getParams().getParam(key));
        }
        StringBuilder variant = new StringBuilder();
        params.forEach((key, value) -> variant.append(variant.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        int threads = run.getParams().getThreads();
        if (threads > 1) {
            variant.append(variant.length() == 0 ? "" : ", ").append(threads).append(" threads");
        }
        Result<?> primary = run.getPrimaryResult();
        return new Measurement(benchmark, variant.toString(), configuration, primary.getScore(),
                primary.getScoreError(), primary.getScoreUnit());
    }

    /** Whether this is the same benchmark as {@code other}, whatever the configuration. */
    boolean sameBenchmark(Measurement other) {
        return benchmark.equals(other.benchmark) && variant.equals(other.variant);
    }

    String name() {
        return variant.isEmpty() ? benchmark : benchmark + " (" + variant + ")";
    }
}
