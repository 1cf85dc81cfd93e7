package io.dualwrite.it;

import io.dualwrite.it.faults.FaultyProxy;
import io.dualwrite.it.faults.ServerConnections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secondary goes away in the middle of a concurrent write load (PostgreSQL to MariaDB, {@code on-failure:
 * journal}), in each way a real one does, and comes back. Whatever happened, the application sees no error;
 * the agent catches the secondary up by itself once it answers again; in the end the secondary equals the
 * primary row by row, and every write the application made is accounted for in the agent's counters.
 * <p>
 * The agent reaches the secondary through a {@link FaultyProxy}, so the network can refuse, reset or freeze
 * under it; sessions are also killed on the server itself. Each run: the load writes for {@link #BEFORE}, the
 * fault lasts {@link #FAULT}, the load goes on for {@link #AFTER} while the agent drains, then it stops writing
 * and stays alive until the secondary equals the primary (at most {@link #DRAIN}).
 */
class FaultInjectionIT extends DatabasePairPerClass {

    private static final Duration BEFORE = Duration.ofMillis(1500);
    private static final Duration FAULT = Duration.ofMillis(2500);
    private static final Duration AFTER = Duration.ofMillis(1500);
    private static final Duration DRAIN = Duration.ofSeconds(20);
    /** Short, so that a frozen secondary holds an application thread for about a second at a time. */
    private static final int STATEMENT_TIMEOUT_MS = 1000;
    /** Longer: the first connection of a cold JVM on a busy machine takes more than a second. */
    private static final int CONNECT_TIMEOUT_MS = 3000;
    private static final int RETRY_INTERVAL_MS = 200;
    private static final int THREADS = 4;

    private FaultyProxy proxy;
    private ForkedJvm.RunningJvm running;
    private Path stopFile;
    private Path exitFile;
    private String testName;

    FaultInjectionIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void putAProxyInFrontOfTheSecondary(TestInfo test) {
        testName = test.getTestMethod().map(m -> m.getName()).orElse("?") + " " + test.getDisplayName();
        proxy = FaultyProxy.inFrontOf(secondary());
    }

    @AfterEach
    void stopEverything() throws IOException {
        if (running != null && running.isAlive()) {
            touch(stopFile);
            touch(exitFile);
            running.destroy();
        }
        running = null;
        proxy.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void aSecondaryThatRefusesConnectionsMidRunIsCaughtUpFromTheJournal(String mode, @TempDir Path dir)
            throws Exception {
        runThrough(mode, dir, proxy::refuse, proxy::pass).assertTheFaultWasFelt();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void aSecondaryWhoseConnectionsAreResetMidRunIsCaughtUpFromTheJournal(String mode, @TempDir Path dir)
            throws Exception {
        runThrough(mode, dir, proxy::reset, proxy::pass).assertTheFaultWasFelt();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void aSecondaryThatFreezesMidRunIsCaughtUpFromTheJournal(String mode, @TempDir Path dir) throws Exception {
        runThrough(mode, dir, proxy::freeze, proxy::pass).assertTheFaultWasFelt();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void aSecondaryThatKillsTheAgentsSessionsMidRunIsCaughtUp(String mode, @TempDir Path dir) throws Exception {
        SessionKiller killer = new SessionKiller(secondary());
        runThrough(mode, dir, killer::start, killer::stop);
        // Unlike a network fault, a killed session need not fail a write (a pool may validate before use), so
        // the journal may stay empty; that the kills happened is what makes this run meaningful.
        assertThat(killer.killed()).as("the agent's sessions killed on the secondary during the fault").isPositive();
    }

    /** Something done to the secondary, or undone, from the test's thread. */
    private interface Action {
        void run() throws Exception;
    }

    /** Kills every session on the database from the server's side, every 250 ms while it runs. */
    private static final class SessionKiller {

        private final TestDatabase db;
        private final AtomicInteger killed = new AtomicInteger();
        private final AtomicBoolean killing = new AtomicBoolean();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Thread thread;

        SessionKiller(TestDatabase db) {
            this.db = db;
        }

        void start() {
            killing.set(true);
            thread = new Thread(() -> {
                try {
                    while (killing.get()) {
                        killed.addAndGet(ServerConnections.killAll(db));
                        sleep(Duration.ofMillis(250));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "fault-injection-killer");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            killing.set(false);
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError("killing the sessions on " + db + " failed: " + failure.get(), failure.get());
            }
        }

        int killed() {
            return killed.get();
        }
    }

    /** Runs the load through the fault and checks everything that must hold whatever the fault was. */
    private FaultOutcome runThrough(String mode, Path dir, Action injectFault, Action restore) throws Exception {
        // Left for the agent to create, with the permissions it wants.
        Path journal = dir.resolve("journal");
        stopFile = dir.resolve("stop-writing");
        exitFile = dir.resolve("exit");
        AgentConfig config = AgentConfig.mirroring(databases)
                .secondary(proxy.urlOf(secondary()), secondary().user(), secondary().password())
                .mode(mode)
                .onFailure("journal")
                .journalDir(journal)
                .retryIntervalMs(RETRY_INTERVAL_MS)
                .connectTimeoutMs(CONNECT_TIMEOUT_MS)
                .statementTimeoutMs(STATEMENT_TIMEOUT_MS);
        running = AgentRun.with(config).start(SampleCommand.scenario("load", primary(),
                "--threads", String.valueOf(THREADS), "--pause-ms", "5", "--max-errors", "0",
                "--stop-file", stopFile.toString(), "--exit-file", exitFile.toString(), "--seconds", "60"));
        try {
            return loadThroughTheFault(journal, injectFault, restore);
        } catch (AssertionError | Exception e) {
            keepForALook(journal);
            throw e;
        }
    }

    private FaultOutcome loadThroughTheFault(Path journal, Action injectFault, Action restore) throws Exception {
        awaitTheAgentActiveAndTheLoadWriting();
        sleep(BEFORE);

        int acceptedBefore = proxy.acceptedConnections();
        injectFault.run();
        sleep(FAULT);
        long primaryRows = TableComparison.count(primary(), "events");
        long secondaryRows = TableComparison.count(secondary(), "events");
        restore.run();

        sleep(AFTER);
        touch(stopFile);
        long stopped = System.nanoTime();
        awaitTheSecondaryEqualToThePrimary();
        System.out.printf("[it] %s: the secondary equalled the primary %d ms after the load was told to stop%n",
                testName, Duration.ofNanos(System.nanoTime() - stopped).toMillis());
        touch(exitFile);
        RunResult run = running.awaitExit().assertScenarioDone("load");

        Map<String, Long> load = loadSummary(run);
        assertThat(load.get("errors")).as("errors the application saw%n%s", run.describe()).isZero();
        Stats stats = run.consistentStats();
        assertThat(stats.seen).as("writes the agent saw in %s, against the application's%n%s", stats, run.describe())
                .isEqualTo(load.get("writes"));
        assertThat(stats.rolledBack).as("rolled-back writes in %s, against the application's%n%s", stats,
                run.describe()).isEqualTo(load.get("rolled-back"));
        assertThat(stats.replayed + stats.deadLettered).as("replayed + dead-lettered = journaled (the journal "
                + "drained) in %s%n%s", stats, run.describe()).isEqualTo(stats.journaled);
        assertThat(stats.missing()).as("writes the secondary misses for good (ignored + lost + dead-lettered) in "
                + "%s%n%s%n---- dead letters (first 5):%n%s", stats, run.describe(),
                DeadLetterFile.lines(journal).stream().limit(5).collect(Collectors.joining("\n"))).isZero();
        assertThat(stats.skipped).as("skipped writes in %s%n%s", stats, run.describe()).isZero();
        return new FaultOutcome(run, stats, primaryRows, secondaryRows, acceptedBefore);
    }

    /** What a network fault must have done for its run to mean anything. */
    private final class FaultOutcome {

        private final RunResult run;
        private final Stats stats;
        private final long primaryRowsAtRestore;
        private final long secondaryRowsAtRestore;
        private final int acceptedBeforeFault;

        FaultOutcome(RunResult run, Stats stats, long primaryRowsAtRestore, long secondaryRowsAtRestore,
                     int acceptedBeforeFault) {
            this.run = run;
            this.stats = stats;
            this.primaryRowsAtRestore = primaryRowsAtRestore;
            this.secondaryRowsAtRestore = secondaryRowsAtRestore;
            this.acceptedBeforeFault = acceptedBeforeFault;
        }

        void assertTheFaultWasFelt() {
            assertThat(secondaryRowsAtRestore).as("rows of events on the secondary when the fault ended (the primary "
                    + "had %s)%n%s", primaryRowsAtRestore, run.describe()).isLessThan(primaryRowsAtRestore);
            assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isPositive();
            assertThat(proxy.acceptedConnections()).as("connections to the secondary opened since the fault began "
                    + "(the agent must have replaced the broken ones)").isGreaterThan(acceptedBeforeFault);
        }
    }

    private void awaitTheAgentActiveAndTheLoadWriting() {
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !running.isAlive() || running.stderrSoFar().contains("inactive")
                            || running.stderrSoFar().contains("dualwrite - active")
                            && TableComparison.count(primary(), "events") > 0);
        } catch (ConditionTimeoutException e) {
            // falls through to the checks below, which say what is missing
        }
        if (!running.isAlive() || !running.stderrSoFar().contains("dualwrite - active")) {
            touch(stopFile);
            touch(exitFile);
            RunResult run = running.awaitExit();
            throw new AssertionError("the agent did not become active, or the load did not start\n" + run.describe());
        }
    }

    private void awaitTheSecondaryEqualToThePrimary() {
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> TableComparison.assertSameRows(databases));
        } catch (ConditionTimeoutException e) {
            touch(exitFile);
            RunResult run = running.awaitExit();
            throw new AssertionError("the secondary did not catch up with the primary within " + DRAIN
                    + " after the fault and the load ended: " + e.getMessage() + "\n" + run.describe(), e);
        }
    }

    private static final Pattern LOAD_LINE = Pattern.compile("^load:((?: [a-z-]+=\\d+)+)\\s*$", Pattern.MULTILINE);
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z-]+)=(\\d+)");

    /** The numbers of the load's summary line ({@code load: threads=.. operations=.. errors=.. writes=..}). */
    private static Map<String, Long> loadSummary(RunResult run) {
        Matcher m = LOAD_LINE.matcher(run.stdout());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as("the load's summary line on stdout%n%s", run.describe()).isNotNull();
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher pair = KEY_VALUE.matcher(last);
        while (pair.find()) {
            values.put(pair.group(1), Long.parseLong(pair.group(2)));
        }
        assertThat(values).as("the load's summary line%n%s", run.describe()).containsKeys("errors", "writes",
                "rolled-back");
        return values;
    }

    /** Copies the journal of a failed run out of its temporary directory, which JUnit deletes. */
    private void keepForALook(Path journal) {
        if (!Files.isDirectory(journal)) {
            return;
        }
        Path kept = ItPaths.workDir().resolve("kept-journals").resolve(testName.replaceAll("[^A-Za-z0-9_.-]", "_")
                + "-" + System.currentTimeMillis());
        try (Stream<Path> files = Files.walk(journal)) {
            Files.createDirectories(kept.getParent());
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, kept.resolve(journal.relativize(file).toString()));
            }
            System.out.println("[it] " + testName + " failed; its journal is kept in " + kept);
        } catch (IOException | RuntimeException e) {
            System.out.println("[it] could not keep the journal " + journal + ": " + e);
        }
    }

    private static void touch(Path file) {
        if (file == null) {
            return;
        }
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new AssertionError("could not create " + file + ": " + e, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
