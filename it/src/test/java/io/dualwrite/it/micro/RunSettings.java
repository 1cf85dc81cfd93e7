package io.dualwrite.it.micro;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** How long the micro-benchmarks run, and which: full, {@code --quick}, or the smoke test's minimum. */
final class RunSettings {

    /** Every benchmark of this package. */
    static final String ALL = "io\\.dualwrite\\.it\\.micro\\.";

    final int forks;
    final int warmupIterations;
    final TimeValue warmupTime;
    final int iterations;
    final TimeValue iterationTime;
    final String regex;
    /** JMH profilers to add ({@code gc}, {@code stack}, ...), as JMH's {@code -prof} takes them. */
    final List<String> profilers;

    private RunSettings(int forks, int warmupIterations, TimeValue warmupTime, int iterations, TimeValue iterationTime,
            String regex, List<String> profilers) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.iterations = iterations;
        this.iterationTime = iterationTime;
        this.regex = regex;
        this.profilers = List.copyOf(profilers);
    }

    /** 2 forks of 3 warm-up and 5 measured iterations of 1 s each. */
    static RunSettings full(String regex) {
        return new RunSettings(2, 3, TimeValue.seconds(1), 5, TimeValue.seconds(1), regex, List.of());
    }

    /** 1 fork of 1 warm-up and 2 measured iterations of 200 ms: a look, not a figure to quote. */
    static RunSettings quick(String regex) {
        return new RunSettings(1, 1, TimeValue.milliseconds(200), 2, TimeValue.milliseconds(200), regex, List.of());
    }

    /** 1 fork, no warm-up, 1 iteration of 100 ms: proves each benchmark runs, measures nothing worth keeping. */
    static RunSettings smoke(String regex) {
        return new RunSettings(1, 0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100), regex, List.of());
    }

    /**
     * {@code [--quick] [--prof PROFILER]... [regex]}: the regex selects benchmarks by their full name, as JMH's
     * include does; a profiler's output is in JMH's own report, above the summary.
     */
    static RunSettings fromArguments(String... args) {
        boolean quick = false;
        String regex = ALL;
        List<String> profilers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--prof") && i + 1 < args.length) {
                profilers.add(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; usage: [--quick] "
                        + "[--prof PROFILER]... [regex]");
            } else {
                regex = args[i];
            }
        }
        RunSettings timing = quick ? quick(regex) : full(regex);
        return new RunSettings(timing.forks, timing.warmupIterations, timing.warmupTime, timing.iterations,
                timing.iterationTime, regex, profilers);
    }

    /**
     * JMH's options for these settings. An error in any benchmark fails the run instead of leaving a gap in the
     * results. Every fork gets the same fixed heap, rather than this JVM's arguments (JMH's default), touched at
     * start: on this project's virtual machines the first write to each new page of the heap costs a page fault,
     * which made a 25 ns write measure 300 to 500 ns until the young generation had been used once.
     */
    ChainedOptionsBuilder options() {
        ChainedOptionsBuilder options = new OptionsBuilder();
        for (String profiler : profilers) {
            int colon = profiler.indexOf(':');
            options = colon < 0 ? options.addProfiler(profiler) : options.addProfiler(profiler.substring(0, colon),
                    profiler.substring(colon + 1));
        }
        return options
                .include(regex)
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime)
                .measurementIterations(iterations)
                .measurementTime(iterationTime)
                .jvmArgs("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch")
                .shouldFailOnError(true);
    }

    String describe() {
        return forks + " fork(s) x " + iterations + " iteration(s) of " + iterationTime + " after " + warmupIterations
                + " warm-up iteration(s) of " + warmupTime;
    }
}
