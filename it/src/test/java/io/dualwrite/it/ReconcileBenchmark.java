package io.dualwrite.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Rows per second of the agent jar's {@code backfill} and {@code verify} commands (issue 5), each forked as
 * {@code java -Xmx32m -jar dualwrite-agent.jar COMMAND --config FILE --tables T}, as an operator runs them. Goals:
 * on a 1,000,000-row table, verify compares at least 150,000 rows per second and backfill copies at least 40,000
 * rows per second from PostgreSQL into MariaDB, with memory bounded whatever the table's size.
 *
 * <p>It creates a database of its own on each server ({@code dw_it_<random>}, dropped at the end), with two
 * tables of seven typical columns (varchar, decimal, boolean / tinyint(1), timestamp(6) / datetime(6), a
 * nullable varchar): {@code rc_bench} keyed by a bigint (verify merges both sides in key order) and
 * {@code rc_bench_text} keyed by a varchar such as {@code 'key-0000001'} (verify reads the primary in chunks and
 * looks each chunk's keys up on the secondary). PostgreSQL is filled with {@code INSERT ... SELECT FROM
 * generate_series}. Then, for each table and each direction (PostgreSQL into MariaDB, then MariaDB into
 * PostgreSQL), {@code repeats} times: empty the secondary's table, time {@code backfill} (with a new journal
 * directory, so no checkpoint is found) and check that the secondary holds every row; then, {@code repeats}
 * times, time {@code verify} on the now equal tables (exit 0 expected). The whole runs at {@code rows} and again
 * at a tenth of it, under the same {@code -Xmx32m}.
 *
 * <p>Times are wall times of the forked command, its JVM's start included; the start-up of
 * {@code java -Xmx32m -jar dualwrite-agent.jar --help} is measured too and a second rate, net of it, printed
 * beside. Prints figures, asserts nothing about speed: it exits with 1 only when a command failed or a count
 * was wrong.
 *
 * <p>From the worktree root, with PostgreSQL on 127.0.0.1:5432 and MariaDB on 127.0.0.1:3306 (or the
 * {@code DUALWRITE_IT_POSTGRES_URL}, {@code DUALWRITE_IT_MARIADB_URL}, ... of the integration tests):
 * <pre>
 * mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test -pl it -am
 * java -cp it/target/test-classes:$(cat it/target/test.classpath) \
 *     io.dualwrite.it.ReconcileBenchmark [rows] [repeats] [agent-jar]
 * </pre>
 * {@code rows} defaults to 1,000,000, {@code repeats} to 3, {@code agent-jar} to the system property
 * {@code dualwrite.agent.jar}, else {@code agent/target/dualwrite-agent.jar}; the benchmark runs a copy of it, so a
 * build that replaces the jar meanwhile does not disturb it.
 */
public final class ReconcileBenchmark {

    private static final String HEAP = "-Xmx32m";
    private static final String NUMERIC = "rc_bench";
    private static final String TEXT = "rc_bench_text";
    private static final long COMMAND_TIMEOUT_MINUTES = 30;

    private final Path agentJar;
    private final Path dir;
    private final int repeats;
    private final List<String> figures = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private double startUpSeconds;
    private int runs;

    private ReconcileBenchmark(Path agentJar, Path dir, int repeats) {
        this.agentJar = agentJar;
        this.dir = dir;
        this.repeats = repeats;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path given = agentJar(args.length > 2 ? args[2] : null);
        Path dir = Files.createTempDirectory("reconcile-benchmark");
        // a copy: a build running meanwhile (mvn package elsewhere) may replace or remove the jar mid-run
        Path jar = Files.copy(given, dir.resolve("dualwrite-agent.jar"));
        System.out.printf("agent jar: %s (%d bytes, modified %s), run from a copy%n", given, Files.size(given),
                Files.getLastModifiedTime(given));
        ReconcileBenchmark benchmark = new ReconcileBenchmark(jar, dir, repeats);
        try {
            benchmark.run(rows);
        } finally {
            Directories.deleteRecursively(dir);
        }
        if (!benchmark.failures.isEmpty()) {
            System.out.println();
            System.out.println("FAILED:");
            benchmark.failures.forEach(failure -> System.out.println("  " + failure));
            System.exit(1);
        }
    }

    private void run(int rows) throws Exception {
        System.out.printf(Locale.ROOT, "reconcile benchmark: %s, %d cores, %d repeats, commands forked as java %s -jar"
                + " %s%n", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), repeats, HEAP, agentJar);
        List<Double> startUps = new ArrayList<>();
        for (int i = 0; i < repeats + 1; i++) {
            Run help = fork("help", List.of("--help"));
            if (help.exitCode != 0) {
                failures.add("java -jar " + agentJar + " --help: exit " + help.exitCode + "\n" + help.stderr);
            }
            if (i > 0) { // the first one warms the file cache
                startUps.add(help.seconds);
            }
        }
        startUpSeconds = median(startUps);
        System.out.printf(Locale.ROOT, "JVM start-up (--help): median %.2f s, range %.2f to %.2f s%n", startUpSeconds,
                min(startUps), max(startUps));
        for (int size : new int[] {rows, Math.max(1, rows / 10)}) {
            measure(size);
        }
        System.out.println();
        System.out.println("rows/s: wall time of the forked command (JVM start included); in brackets, net of the"
                + String.format(Locale.ROOT, " %.2f s start-up of --help. All commands ran under %s.", startUpSeconds,
                HEAP));
        System.out.println("peak RSS: the largest resident set of the forked JVM over the repeats, in MiB (heap,"
                + " metaspace, code cache, threads, GC structures).");
        System.out.printf("%-34s %-9s %10s %-22s %12s %12s %8s%n", "command", "key", "rows", "seconds (median, range)",
                "rows/s", "(net)", "peak RSS");
        figures.forEach(System.out::println);
    }

    /** Every measurement at {@code rows} rows, in a pair of new databases. */
    private void measure(int rows) throws Exception {
        System.out.printf(Locale.ROOT, "%n--- %,d rows ---%n", rows);
        try (TestDatabase postgres = TestDatabases.postgres().createDatabase();
                TestDatabase mariadb = TestDatabases.mariadb().createDatabase()) {
            createTables(postgres, mariadb);
            long began = System.nanoTime();
            fillPostgres(postgres, rows);
            System.out.printf(Locale.ROOT, "filled %s with %,d rows per table in %.1f s%n", postgres.describe(), rows,
                    (System.nanoTime() - began) / 1e9);
            for (String table : new String[] {NUMERIC, TEXT}) {
                direction(postgres, mariadb, table, rows);
            }
            for (String table : new String[] {NUMERIC, TEXT}) {
                direction(mariadb, postgres, table, rows);
            }
        }
    }

    /** Backfill of the emptied secondary, {@code repeats} times, then verify {@code repeats} times. */
    private void direction(TestDatabase primary, TestDatabase secondary, String table, int rows) throws Exception {
        String direction = primary.kind().displayName() + " -> " + secondary.kind().displayName();
        String key = table.equals(NUMERIC) ? "bigint" : "varchar";
        List<Double> backfills = new ArrayList<>();
        List<Long> backfillPeaks = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            execute(secondary, "TRUNCATE TABLE " + table);
            Path config = config(primary, secondary, "backfill");
            Run run = fork("backfill-" + table, List.of("backfill", "--config", config.toString(), "--tables", table));
            long copied = count(secondary, table);
            String expected = table + ": " + rows + " rows read, " + rows + " copied, 0 already on the secondary";
            if (run.exitCode != 0 || copied != rows || !run.stdout.contains(expected)) {
                failures.add(String.format("backfill %s %s: exit %d, %d of %d rows on the secondary%n%s%s", direction,
                        table, run.exitCode, copied, rows, run.stdout, run.stderr));
            }
            backfills.add(run.seconds);
            backfillPeaks.add(run.peakMib);
            System.out.printf(Locale.ROOT, "backfill %s %s: %.2f s, exit %d, %d rows on the secondary, peak RSS %d"
                    + " MiB%n", direction, table, run.seconds, run.exitCode, copied, run.peakMib);
        }
        figure("backfill " + direction, key, rows, backfills, backfillPeaks);
        List<Double> verifies = new ArrayList<>();
        List<Long> verifyPeaks = new ArrayList<>();
        Path config = config(primary, secondary, "verify");
        for (int i = 0; i < repeats; i++) {
            Run run = fork("verify-" + table, List.of("verify", "--config", config.toString(), "--tables", table));
            String expected = table + ": " + rows + " rows compared, equal";
            if (run.exitCode != 0 || !run.stdout.contains(expected)) {
                failures.add(String.format("verify %s %s: exit %d (0 expected), output lacks \"%s\"%n%s%s", direction,
                        table, run.exitCode, expected, run.stdout, run.stderr));
            }
            verifies.add(run.seconds);
            verifyPeaks.add(run.peakMib);
            System.out.printf(Locale.ROOT, "verify %s %s: %.2f s, exit %d, peak RSS %d MiB%n", direction, table,
                    run.seconds, run.exitCode, run.peakMib);
        }
        figure("verify " + direction, key, rows, verifies, verifyPeaks);
    }

    private void figure(String command, String key, int rows, List<Double> seconds, List<Long> peaks) {
        double median = median(seconds);
        double net = median - startUpSeconds;
        figures.add(String.format(Locale.ROOT, "%-34s %-9s %,10d %6.2f (%.2f to %.2f)     %,12.0f %12s %8d", command,
                key, rows, median, min(seconds), max(seconds), rows / median,
                net > 0 ? String.format(Locale.ROOT, "(%,.0f)", rows / net) : "(-)",
                peaks.stream().mapToLong(Long::longValue).max().orElse(0)));
    }

    private static void createTables(TestDatabase postgres, TestDatabase mariadb) throws SQLException {
        String pgColumns = "name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL, amount NUMERIC(12,2) NOT NULL,"
                + " active BOOLEAN NOT NULL, created_at TIMESTAMP(6) NOT NULL, note VARCHAR(200)";
        String mariadbColumns = "name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,"
                + " amount DECIMAL(12,2) NOT NULL, active TINYINT(1) NOT NULL, created_at DATETIME(6) NOT NULL,"
                + " note VARCHAR(200)";
        execute(postgres, "CREATE TABLE " + NUMERIC + " (id BIGINT PRIMARY KEY, " + pgColumns + ")");
        execute(postgres, "CREATE TABLE " + TEXT + " (k VARCHAR(20) PRIMARY KEY, " + pgColumns + ")");
        execute(mariadb, "CREATE TABLE " + NUMERIC + " (id BIGINT PRIMARY KEY, " + mariadbColumns + ") ENGINE=InnoDB");
        execute(mariadb, "CREATE TABLE " + TEXT + " (k VARCHAR(20) PRIMARY KEY, " + mariadbColumns
                + ") ENGINE=InnoDB");
    }

    private static void fillPostgres(TestDatabase postgres, int rows) throws SQLException {
        String values = "'name ' || g, 'user' || g || '@example.com', (g % 1000000) / 100.0, g % 2 = 0,"
                + " TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second'"
                + " + (g % 1000000) * INTERVAL '1 microsecond',"
                + " CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END FROM generate_series(1, " + rows + ") g";
        execute(postgres, "SET synchronous_commit = off; INSERT INTO " + NUMERIC + " SELECT g, " + values);
        execute(postgres, "SET synchronous_commit = off; INSERT INTO " + TEXT
                + " SELECT 'key-' || lpad(g::text, 7, '0'), " + values);
        execute(postgres, "ANALYZE " + NUMERIC + "; ANALYZE " + TEXT);
    }

    /** A configuration of its own with a new journal directory (so backfill finds no checkpoint), owner-only. */
    private Path config(TestDatabase primary, TestDatabase secondary, String label) throws IOException {
        Path own = Files.createTempDirectory(dir, label + "-");
        String yaml = AgentConfig.mirroring(primary, secondary).forCommands(primary, secondary)
                .journalDir(own.resolve("journal")).toYaml();
        Path config = own.resolve("dualwrite.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        return config;
    }

    /** The outcome of one forked command. */
    private static final class Run {
        final int exitCode;
        final double seconds;
        final String stdout;
        final String stderr;
        /** The process's peak resident set (VmHWM), in MiB, as last sampled before it exited; 0 when unknown. */
        final long peakMib;

        Run(int exitCode, double seconds, String stdout, String stderr, long peakMib) {
            this.exitCode = exitCode;
            this.seconds = seconds;
            this.stdout = stdout;
            this.stderr = stderr;
            this.peakMib = peakMib;
        }
    }

    /** {@code java -Xmx32m -jar dualwrite-agent.jar ARGS}, timed from start to exit. */
    private Run fork(String label, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(ForkedJvm.javaExecutable().toString(), HEAP, "-jar",
                agentJar.toString()));
        command.addAll(args);
        String base = String.format("%03d-%s", ++runs, label);
        Path stdout = dir.resolve(base + ".stdout.txt");
        Path stderr = dir.resolve(base + ".stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long began = System.nanoTime();
        Process process = builder.start();
        Path status = Paths.get("/proc", Long.toString(process.pid()), "status");
        long deadline = began + TimeUnit.MINUTES.toNanos(COMMAND_TIMEOUT_MINUTES);
        long peakKib = 0;
        // VmHWM only grows: its last sample before the exit is the peak, give or take the last 50 ms
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            peakKib = Math.max(peakKib, highWaterMarkKib(status));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                failures.add(String.join(" ", command) + ": still running after " + COMMAND_TIMEOUT_MINUTES
                        + " minutes, destroyed");
                break;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Run(process.exitValue(), seconds, Files.readString(stdout), Files.readString(stderr),
                peakKib / 1024);
    }

    private static long highWaterMarkKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited between the wait and the read, or no /proc here
        }
        return 0;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Path agentJar(String argument) {
        String given = argument != null ? argument : System.getProperty("dualwrite.agent.jar");
        Path jar = Paths.get(given != null ? given : "agent/target/dualwrite-agent.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build the agent jar (mvn -B -q -pl"
                    + " bootstrap,agent -am package -DskipTests) or give its path as the third argument");
        }
        return jar;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
