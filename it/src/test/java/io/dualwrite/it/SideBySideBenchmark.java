package io.dualwrite.it;

import io.dualwrite.sample.load.OrdersTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the agent costs the application, measured side by side in one invocation (issue 6): the sample's
 * {@code load} workload against a PostgreSQL primary, with a MariaDB secondary, in each {@link SideBySideVariant},
 * interleaved run by run (the order rotates each round), then the async agent paced at 80 % of the no-agent
 * throughput for its replication lag, then repeated JVM starts to {@code main} and to the first write. Every
 * variant that writes the secondary must leave both tables equal and no run may have errors: otherwise it exits
 * with 1 after printing the figures. Figures are printed, never asserted against a speed.
 *
 * <p>Run through {@code ./bench.sh side-by-side [options]} from the repository's root (it builds first); the
 * databases are those of the integration tests (PostgreSQL on 127.0.0.1:5432, MariaDB on 127.0.0.1:3306, or the
 * {@code DUALWRITE_IT_*} variables), each in a new database dropped at the end.
 */
@Command(name = "side-by-side", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the load workload with no agent, the agent on a URL it does not follow, the agent in sync"
                + " and in async mode, and a hand-written dual write; prints throughput, latency, heap and"
                + " start-up side by side.")
public final class SideBySideBenchmark implements Callable<Integer> {

    @Option(names = "--rounds", description = "rounds of every variant (default ${DEFAULT-VALUE})")
    int rounds = 3;
    @Option(names = "--duration", description = "measured seconds per run (default ${DEFAULT-VALUE})")
    int durationSeconds = 20;
    @Option(names = "--warmup", description = "unmeasured seconds before each run (default ${DEFAULT-VALUE})")
    int warmupSeconds = 5;
    @Option(names = "--threads", description = "load threads (default ${DEFAULT-VALUE})")
    int threads = 4;
    @Option(names = "--rows", description = "rows in bench_orders at each run's start (default ${DEFAULT-VALUE})")
    int rows = 10_000;
    @Option(names = "--mix", description = "the load's mix (default ${DEFAULT-VALUE})")
    String mix = "insert:50,update:30,delete:10,select:10";
    @Option(names = "--batch", description = "rows per insert (default ${DEFAULT-VALUE})")
    int batch = 1;
    @Option(names = "--starts", description = "JVM starts per variant for start-up (default ${DEFAULT-VALUE})")
    int starts = 10;
    @Option(names = "--quick", description = "a smoke run: 1 round of 2 s after 1 s of warm-up, 3 starts")
    boolean quick;

    private final SideBySideResults results = new SideBySideResults();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SideBySideBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        if (quick) {
            rounds = 1;
            durationSeconds = 2;
            warmupSeconds = 1;
            starts = 3;
        }
        System.out.printf(Locale.ROOT, "side-by-side: %s, %d cores, %d rounds of %d s (+%d s warm-up), %d threads,"
                        + " mix %s, batch %d, %d rows; agent %s%n", System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds,
                durationSeconds, warmupSeconds, threads, mix, batch, rows, ItPaths.agentJar());
        try (DatabasePair pair = DatabasePair.create(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB)) {
            System.out.println("databases: " + pair);
            SampleSchema.createOrdersTable(pair.secondary());
            measure(pair);
        }
        results.print(System.out);
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("FAILED:");
            failures.forEach(failure -> System.out.println("  " + failure));
            return 1;
        }
        return 0;
    }

    private void measure(DatabasePair pair) {
        List<SideBySideVariant> order = new ArrayList<>(Arrays.asList(SideBySideVariant.values()));
        for (int round = 1; round <= rounds; round++) {
            for (SideBySideVariant variant : order) {
                results.addLoad(variant, load(pair, variant, round, List.of()));
            }
            // rotated, so that no variant always runs right after the same other one
            Collections.rotate(order, 1);
        }
        int pacedRate = (int) Math.round(0.8 * results.noAgentOperationsPerSecond());
        for (int round = 1; round <= rounds && pacedRate > 0; round++) {
            LoadFigures paced = load(pair, SideBySideVariant.ASYNC, round, List.of("--rate",
                    Integer.toString(pacedRate)));
            if (paced != null) {
                results.addPacedAsync(pacedRate, paced);
            }
        }
        for (int start = 1; start <= starts; start++) {
            for (SideBySideVariant variant : order) {
                if (variant != SideBySideVariant.HAND_WRITTEN) {
                    startup(pair, variant, start);
                }
            }
        }
    }

    /** One run of {@code load}; null when it failed (the failure recorded). */
    private LoadFigures load(DatabasePair pair, SideBySideVariant variant, int round, List<String> extra) {
        Path json = ItPaths.newWorkFile("load-reports", "side-by-side-", ".json");
        List<String> options = new ArrayList<>(Arrays.asList("--threads", Integer.toString(threads), "--duration",
                Integer.toString(durationSeconds), "--warmup", Integer.toString(warmupSeconds), "--rows",
                Integer.toString(rows), "--mix", mix, "--batch", Integer.toString(batch), "--json", json.toString()));
        options.addAll(extra);
        String what = variant.label + (extra.isEmpty() ? "" : " " + String.join(" ", extra)) + ", round " + round;
        RunResult run = variant.launcher(pair).timeout(Duration.ofSeconds(warmupSeconds + durationSeconds + 300L))
                .run(variant.loadCommand(pair, options));
        if (run.exitCode() != 0) {
            failures.add(what + ": exit " + run.exitCode() + "\n" + run.describe());
            return null;
        }
        LoadFigures figures = LoadFigures.read(json);
        System.out.printf(Locale.ROOT, "%-48s %9.0f ops/s, p99 %6d us%s%n", what, figures.operationsPerSecond,
                figures.p99Micros, figures.lagP99Millis < 0 ? "" : ", lag p99 " + figures.lagP99Millis + " ms");
        if (figures.errors > 0) {
            failures.add(what + ": " + figures.errors + " operations failed\n" + run.describe());
        }
        if (variant.writesSecondary()) {
            try {
                TableComparison.assertSameRowsIn(pair.primary(), pair.secondary(), List.of(OrdersTable.NAME));
            } catch (AssertionError e) {
                failures.add(what + ": the two sides differ afterwards: " + e.getMessage());
            }
        }
        return figures;
    }

    private void startup(DatabasePair pair, SideBySideVariant variant, int start) {
        RunResult run = variant.launcher(pair).run(SampleCommand.startup(pair.primary()));
        if (run.exitCode() != 0) {
            failures.add(variant.label + " start-up " + start + ": exit " + run.exitCode() + "\n" + run.describe());
            return;
        }
        results.addStartup(variant, StartupFigures.parse(run.stdout()));
    }

}
