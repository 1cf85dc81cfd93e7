package io.dualwrite.it.micro;

import io.dualwrite.it.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs the JMH micro-benchmarks of the agent's hot paths and prints a summary: {@link AdviceOverheadBenchmark} once
 * per {@link AdviceConfiguration} (forks without the agent, with it attached but not following the URL, with it
 * mirroring), then the benchmarks that call the agent's classes directly. Exits 1 when a fork's evidence contradicts
 * its configuration. From the repository root:
 * <pre>
 * mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test -pl it -am
 * java -cp it/target/test-classes:$(cat it/target/test.classpath) io.dualwrite.it.micro.MicroBenchmarks \
 *     [--quick] [--prof PROFILER]... [regex]
 * </pre>
 * The agent jar is {@code -Ddualwrite.agent.jar=PATH}, else {@code agent/target/dualwrite-agent.jar} under the
 * working directory or its parent (the {@code it} module); the forks run a copy, so a build replacing it meanwhile
 * does not disturb them.
 */
public final class MicroBenchmarks {

    /** Selects the advice benchmark, or (as an exclusion) everything else. */
    private static final String ADVICE = AdviceOverheadBenchmark.class.getSimpleName();
    private static final String NOT_ADVICE = "^(?!.*" + ADVICE + ")";

    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        RunSettings settings = RunSettings.fromArguments(args);
        MicroReport report = run(settings, agentJar());
        report.print(System.out, settings.describe());
        System.exit(report.contradictions().isEmpty() ? 0 : 1);
    }

    static MicroReport run(RunSettings settings, Path agentJar) throws Exception {
        Path work = Files.createTempDirectory("dualwrite-micro");
        try {
            Path jar = Files.copy(agentJar, work.resolve("dualwrite-agent.jar"));
            Path evidence = work.resolve("evidence");
            List<Measurement> measurements = new ArrayList<>();
            for (AdviceConfiguration configuration : AdviceConfiguration.values()) {
                Options options = settings.options().exclude(NOT_ADVICE)
                        .jvmArgsAppend(configuration.jvmArgs(jar, work, evidence).toArray(new String[0])).build();
                for (RunResult result : ForkClassPath.withoutAgentClasses(() -> runJmh(options))) {
                    measurements.add(Measurement.of(result, configuration));
                }
            }
            for (RunResult result : runJmh(settings.options().exclude(ADVICE).build())) {
                measurements.add(Measurement.of(result, null));
            }
            return new MicroReport(measurements, ForkEvidence.readAll(evidence));
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    /** The results in JMH's order; none when the selection leaves no benchmark for this run. */
    private static Collection<RunResult> runJmh(Options options) throws RunnerException {
        try {
            return new Runner(options).run();
        } catch (NoBenchmarksException e) {
            return List.of();
        }
    }

    static Path agentJar() {
        String property = System.getProperty("dualwrite.agent.jar");
        List<Path> candidates = property != null ? List.of(Paths.get(property))
                : List.of(Paths.get("agent/target/dualwrite-agent.jar"), Paths.get("../agent/target/dualwrite-agent.jar"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no agent jar at " + candidates + "; build it (mvn -B -DskipTests package) "
                + "or give -Ddualwrite.agent.jar=PATH");
    }
}
