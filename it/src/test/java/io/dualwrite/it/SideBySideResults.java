package io.dualwrite.it;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side benchmark's figures, gathered run by run, and the tables and goals printed from them. Ratios
 * are taken within a round (each variant against the baseline run in the same round) and their median shown with
 * their range: runs of one round are close in time, so a machine that slows down for a while shifts the ratios
 * less than it shifts the absolute figures.
 */
final class SideBySideResults {

    private static final double MB = 1024.0 * 1024.0;

    private final Map<SideBySideVariant, List<LoadFigures>> loads = new EnumMap<>(SideBySideVariant.class);
    private final List<LoadFigures> pacedAsync = new ArrayList<>();
    private final Map<SideBySideVariant, List<StartupFigures>> startups = new EnumMap<>(SideBySideVariant.class);
    private int pacedRate;

    /** {@code figures} null for a run that failed: its round then has no ratio for the variant. */
    void addLoad(SideBySideVariant variant, LoadFigures figures) {
        loads.computeIfAbsent(variant, v -> new ArrayList<>()).add(figures);
    }

    void addPacedAsync(int rate, LoadFigures figures) {
        pacedRate = rate;
        pacedAsync.add(figures);
    }

    void addStartup(SideBySideVariant variant, StartupFigures figures) {
        startups.computeIfAbsent(variant, v -> new ArrayList<>()).add(figures);
    }

    /** The median throughput without the agent: the primary's saturation rate on this workload. */
    double noAgentOperationsPerSecond() {
        return median(values(loads(SideBySideVariant.NO_AGENT), f -> f.operationsPerSecond));
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-24s %9s %17s %17s %8s %8s %9s %9s %9s%n", "variant", "ops/s", "x no agent",
                "x hand-written", "p50 us", "p99 us", "p99.9 us", "heap MB", "+heap MB");
        for (SideBySideVariant variant : SideBySideVariant.values()) {
            List<LoadFigures> runs = loads(variant);
            if (values(runs, f -> f.operationsPerSecond).isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "%-24s %9.0f %17s %17s %8.0f %8.0f %9.0f %9.1f %9s%n", variant.label,
                    median(values(runs, f -> f.operationsPerSecond)), ratioText(variant, SideBySideVariant.NO_AGENT),
                    ratioText(variant, SideBySideVariant.HAND_WRITTEN), median(values(runs, f -> f.p50Micros)),
                    median(values(runs, f -> f.p99Micros)), median(values(runs, f -> f.p999Micros)),
                    heapMb(variant), variant.hasAgent() ? String.format(Locale.ROOT, "%+.1f", addedHeapMb(variant))
                            : "");
        }
        out.println("(medians of the rounds; ratios: median of each round's ratio, [lowest-highest]; heap: used after"
                + " a full GC at the end of the run; +heap: over no agent)");
        if (!pacedAsync.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "agent, async, paced at %d ops/s (80 %% of no agent): %.0f ops/s, replication lag"
                            + " p99 %.0f ms (worst round %.0f ms)%n", pacedRate,
                    median(values(pacedAsync, f -> f.operationsPerSecond)), median(values(pacedAsync,
                            f -> f.lagP99Millis)), Collections.max(values(pacedAsync, f -> f.lagP99Millis)));
        }
        if (!startups.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-24s %12s %8s %18s %8s%n", "start-up", "to main ms", "added", "to first write ms",
                    "added");
            for (SideBySideVariant variant : startups.keySet()) {
                out.printf(Locale.ROOT, "%-24s %12.0f %+8.0f %18.0f %+8.0f%n", variant.label,
                        startupMedian(variant, s -> s.toMainMillis), addedStartup(variant, s -> s.toMainMillis),
                        startupMedian(variant, s -> s.toFirstWriteMillis),
                        addedStartup(variant, s -> s.toFirstWriteMillis));
            }
            out.println("(medians of " + startups(SideBySideVariant.NO_AGENT).size() + " starts each, from the JVM's"
                    + " own start time; added: over no agent)");
        }
        printGoals(out);
    }

    private void printGoals(PrintStream out) {
        out.println();
        out.println("goals:");
        goal(out, "instrumentation only: throughput >= 0.98 x no agent",
                medianRatio(SideBySideVariant.UNMATCHED_URL, SideBySideVariant.NO_AGENT), 0.98, true);
        goal(out, "sync: throughput >= 0.97 x hand-written dual write",
                medianRatio(SideBySideVariant.SYNC, SideBySideVariant.HAND_WRITTEN), 0.97, true);
        goal(out, "async: throughput >= 0.95 x no agent",
                medianRatio(SideBySideVariant.ASYNC, SideBySideVariant.NO_AGENT), 0.95, true);
        goal(out, "async at 80 % of saturation: replication lag p99 < 1000 ms",
                pacedAsync.isEmpty() ? Double.NaN : median(values(pacedAsync, f -> f.lagP99Millis)), 1000, false);
        goal(out, "start-up: agent adds <= 250 ms to main (sync)",
                startups.isEmpty() ? Double.NaN : addedStartup(SideBySideVariant.SYNC, s -> s.toMainMillis), 250,
                false);
        double heap = Double.NaN;
        for (SideBySideVariant variant : loads.keySet()) {
            if (variant.hasAgent()) {
                heap = Double.isNaN(heap) ? addedHeapMb(variant) : Math.max(heap, addedHeapMb(variant));
            }
        }
        goal(out, "heap: agent adds <= 32 MB (largest of the agent's variants)", heap, 32, false);
    }

    private static void goal(PrintStream out, String goal, double measured, double limit, boolean atLeast) {
        String verdict;
        if (Double.isNaN(measured)) {
            verdict = "not measured";
        } else if (atLeast ? measured >= limit : measured <= limit) {
            verdict = "met";
        } else {
            verdict = "MISSED by " + figure(Math.abs(measured - limit));
        }
        out.printf(Locale.ROOT, "  %-62s measured %-10s %s%n", goal, figure(measured), verdict);
    }

    /** Ratios with three decimals, milliseconds and megabytes with what is significant. */
    private static String figure(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.3f",
                value);
    }

    private String ratioText(SideBySideVariant variant, SideBySideVariant baseline) {
        List<Double> ratios = ratios(variant, baseline);
        if (ratios.isEmpty() || variant == baseline) {
            return "";
        }
        return String.format(Locale.ROOT, "%.3f [%.2f-%.2f]", median(ratios), Collections.min(ratios),
                Collections.max(ratios));
    }

    private double medianRatio(SideBySideVariant variant, SideBySideVariant baseline) {
        List<Double> ratios = ratios(variant, baseline);
        return ratios.isEmpty() ? Double.NaN : median(ratios);
    }

    /** Each round's ratio of throughputs; the rounds are those both variants completed. */
    private List<Double> ratios(SideBySideVariant variant, SideBySideVariant baseline) {
        List<LoadFigures> runs = loads(variant);
        List<LoadFigures> baselines = loads(baseline);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(runs.size(), baselines.size()); round++) {
            LoadFigures run = runs.get(round);
            LoadFigures base = baselines.get(round);
            if (run != null && base != null) {
                ratios.add(run.operationsPerSecond / base.operationsPerSecond);
            }
        }
        return ratios;
    }

    private double heapMb(SideBySideVariant variant) {
        return median(values(loads(variant), f -> f.heapUsedAfterGcBytes)) / MB;
    }

    private double addedHeapMb(SideBySideVariant variant) {
        return heapMb(variant) - heapMb(SideBySideVariant.NO_AGENT);
    }

    private double startupMedian(SideBySideVariant variant, ToDoubleFunction<StartupFigures> figure) {
        return median(values(startups(variant), figure));
    }

    private double addedStartup(SideBySideVariant variant, ToDoubleFunction<StartupFigures> figure) {
        return startupMedian(variant, figure) - startupMedian(SideBySideVariant.NO_AGENT, figure);
    }

    private List<LoadFigures> loads(SideBySideVariant variant) {
        return loads.getOrDefault(variant, List.of());
    }

    private List<StartupFigures> startups(SideBySideVariant variant) {
        return startups.getOrDefault(variant, List.of());
    }

    /** The figure of every item, skipping the null items of failed runs. */
    private static <T> List<Double> values(List<T> items, ToDoubleFunction<T> figure) {
        List<Double> values = new ArrayList<>();
        for (T item : items) {
            if (item != null) {
                values.add(figure.applyAsDouble(item));
            }
        }
        return values;
    }

    /** NaN for no values. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
