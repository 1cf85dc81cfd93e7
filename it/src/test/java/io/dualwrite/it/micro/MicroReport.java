package io.dualwrite.it.micro;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of one run of the micro-benchmarks and the evidence of the agent's forks: what the summary table
 * shows, what the agent adds to a write over the same benchmark without it, and whether each fork ran as its
 * configuration says.
 */
final class MicroReport {

    /** The goal for instrumentation alone: the agent attached, the connection's URL not followed. */
    static final double GOAL_NANOS = 1_000;

    final List<Measurement> measurements;
    final List<ForkEvidence> evidence;

    MicroReport(List<Measurement> measurements, List<ForkEvidence> evidence) {
        this.measurements = List.copyOf(measurements);
        this.evidence = List.copyOf(evidence);
    }

    /** What the agent adds to {@code m} (ns per operation) over the same benchmark with no agent. */
    Optional<Double> addedByAgent(Measurement m) {
        if (m.configuration == null || m.configuration == AdviceConfiguration.NO_AGENT) {
            return Optional.empty();
        }
        return measurements.stream()
                .filter(base -> base.configuration == AdviceConfiguration.NO_AGENT && base.sameBenchmark(m))
                .findFirst().map(base -> m.score - base.score);
    }

    /**
     * Every way the run contradicts itself: a fork whose evidence does not fit its configuration, or an advice
     * benchmark with no fork evidence at all. Empty when the run can be trusted.
     */
    List<String> contradictions() {
        List<String> found = new ArrayList<>();
        for (ForkEvidence fork : evidence) {
            String contradiction = AdviceConfiguration.valueOf(fork.configuration).contradiction(fork);
            if (contradiction != null) {
                found.add(contradiction + ": " + fork);
            }
        }
        for (Measurement m : measurements) {
            if (m.configuration != null && evidence.stream().noneMatch(fork -> fork.benchmark.endsWith("." + m.benchmark)
                    && fork.configuration.equals(m.configuration.name()))) {
                found.add("no fork evidence for " + m.name() + " [" + m.configuration.label() + "]");
            }
        }
        return found;
    }

    void print(PrintStream out, String settings) {
        out.println();
        out.printf(Locale.ROOT, "dualwrite micro-benchmarks: %s; %d cores, Java %s%n", settings,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-62s %-26s %12s %10s  %s%n", "benchmark", "configuration", "ns/op", "± error",
                "added by the agent");
        for (Measurement m : measurements) {
            String added = addedByAgent(m).map(ns -> String.format(Locale.ROOT, "%+.1f ns = %+.3f µs", ns, ns / 1000))
                    .orElse("");
            out.printf(Locale.ROOT, "%-62s %-26s %12.1f %10s  %s%n", m.name(),
                    m.configuration == null ? "" : m.configuration.label(), m.score,
                    Double.isNaN(m.error) ? "n/a" : String.format(Locale.ROOT, "± %.1f", m.error), added);
        }
        printGoal(out);
        List<String> contradictions = contradictions();
        out.printf(Locale.ROOT, "fork evidence: %d forks checked, %s%n", evidence.size(),
                contradictions.isEmpty() ? "each ran as its configuration says" : "CONTRADICTIONS:");
        contradictions.forEach(c -> out.println("  " + c));
    }

    private void printGoal(PrintStream out) {
        out.printf(Locale.ROOT, "goal: with the agent attached and the URL not matching, at most %.0f ns (1 µs) "
                + "added per statement%n", GOAL_NANOS);
        for (Measurement m : measurements) {
            if (m.configuration == AdviceConfiguration.UNMATCHED_URL) {
                addedByAgent(m).ifPresent(ns -> out.printf(Locale.ROOT, "  %s: %+.1f ns, %s%n", m.name(), ns,
                        ns <= GOAL_NANOS ? String.format(Locale.ROOT, "met (%.0f times under the goal)",
                                GOAL_NANOS / Math.max(ns, 1)) : "NOT met"));
            }
        }
    }
}
