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
 * fault lasts {@link #FAULT}, then, while the load goes on, the agent must replay its journal and return to
 * mirroring directly within {@link #CATCH_UP} (seen on its metrics endpoint); the load writes for {@link #AFTER}
 * more, stops, and the application stays alive until the secondary equals the primary.
 */
class FaultInjectionIT extends DatabasePairPerClass {

    private static final Duration BEFORE = Duration.ofMillis(1000);
    private static final Duration FAULT = Duration.ofMillis(2500);
    /** How long the agent may take, once the secondary is back, to replay its journal while the load goes on. */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    /** Writing goes on this long once the agent mirrors directly again. */
    private static final Duration AFTER = Duration.ofSeconds(1);
    /** For the writes in flight when the load stops, or for a drain that only a stopped load lets finish. */
    private static final Duration DRAIN = Duration.ofSeconds(20);
    /** Short, so that a frozen secondary holds an application thread for about a second at a time. */
    private static final int STATEMENT_TIMEOUT_MS = 1000;
    /** Longer: the first connection of a cold JVM on a busy machine takes more than a second. */
    private static final int CONNECT_TIMEOUT_MS = 3000;
    private static final int RETRY_INTERVAL_MS = 200;
    private static final int THREADS = 4;

    private FaultyProxy proxy;
    private AgentMetrics metrics;
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
        metrics = AgentMetrics.onAFreePort();
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
                .statementTimeoutMs(STATEMENT_TIMEOUT_MS)
                .metricsPort(metrics.port());
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
        AgentMetrics.Reading duringFault = metrics.read();
        long primaryRows = TableComparison.count(primary(), "events");
        long secondaryRows = TableComparison.count(secondary(), "events");
        restore.run();

        awaitDirectMirroringWhileTheLoadGoesOn();
        sleep(AFTER);
        touch(stopFile);
        awaitTheSecondaryEqualToThePrimary();
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
        assertThat(stats.ignored + stats.lost).as("writes neither applied nor journaled (ignored + lost) in %s%n%s",
                stats, run.describe()).isZero();
        assertThat(stats.deadLettered).as("dead-lettered writes in %s: every write of this load is valid on the "
                + "secondary, so none may end in the dead-letter file%n%s%n---- dead letters (first 5):%n%s", stats,
                run.describe(), DeadLetterFile.lines(journal).stream().limit(5).collect(Collectors.joining("\n")))
                .isZero();
        assertThat(stats.skipped).as("skipped writes in %s%n%s", stats, run.describe()).isZero();
        return new FaultOutcome(run, stats, duringFault, primaryRows, secondaryRows, acceptedBefore);
    }

    /** What a network fault must have done for its run to mean anything. */
    private final class FaultOutcome {

        private final RunResult run;
        private final Stats stats;
        private final AgentMetrics.Reading duringFault;
        private final long primaryRowsAtRestore;
        private final long secondaryRowsAtRestore;
        private final int acceptedBeforeFault;

        FaultOutcome(RunResult run, Stats stats, AgentMetrics.Reading duringFault, long primaryRowsAtRestore,
                     long secondaryRowsAtRestore, int acceptedBeforeFault) {
            this.run = run;
            this.stats = stats;
            this.duringFault = duringFault;
            this.primaryRowsAtRestore = primaryRowsAtRestore;
            this.secondaryRowsAtRestore = secondaryRowsAtRestore;
            this.acceptedBeforeFault = acceptedBeforeFault;
        }

        void assertTheFaultWasFelt() {
            assertThat(duringFault.circuit()).as("the agent's circuit at the end of the fault (%s)%n%s", duringFault,
                    run.describe()).isIn("open", "draining");
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
                            && TableComparison.count(primary(), "events") > 0
                            // the agent's first connection to the secondary, slow in a cold JVM, is up: a
                            // fault that began while it was opening would only delay it
                            && TableComparison.count(secondary(), "events") > 0);
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

    /**
     * The drain is awaited while the application keeps writing: an agent whose replay is slower than the
     * application's writes would catch up only once the load stops, and lag ever further behind until then.
     */
    private void awaitDirectMirroringWhileTheLoadGoesOn() {
        long restored = System.nanoTime();
        AgentMetrics.Reading first = metrics.read();
        AgentMetrics.Reading[] last = {first};
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                    .until(() -> (last[0] = metrics.read()).caughtUp() || !running.isAlive());
        } catch (ConditionTimeoutException e) {
            touch(stopFile);
            long stopped = System.nanoTime();
            String afterStop;
            try {
                await().atMost(DRAIN).pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> TableComparison.assertSameRows(databases));
                afterStop = "once the load stopped, the secondary equalled the primary "
                        + Duration.ofNanos(System.nanoTime() - stopped).toMillis() + " ms later";
            } catch (ConditionTimeoutException stillBehind) {
                afterStop = "even " + DRAIN + " after the load stopped, the secondary did not equal the primary: "
                        + stillBehind.getMessage();
            }
            touch(exitFile);
            RunResult run = running.awaitExit();
            throw new AssertionError("while the application kept writing, the agent did not replay its journal and "
                    + "return to mirroring directly within " + CATCH_UP + " of the secondary's return: just after the "
                    + "return " + first + "; at the end " + last[0] + "; " + afterStop + "\n" + run.describe());
        }
        assertThat(running.isAlive()).as("the application ended before the agent caught up").isTrue();
        System.out.printf("[it] %s: mirroring directly again %d ms after the secondary's return, under load (just "
                + "after the return: %s)%n", testName, Duration.ofNanos(System.nanoTime() - restored).toMillis(),
                first);
    }

    private void awaitTheSecondaryEqualToThePrimary() {
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> TableComparison.assertSameRows(databases));
        } catch (ConditionTimeoutException e) {
            touch(exitFile);
            RunResult run = running.awaitExit();
            throw new AssertionError("the secondary did not equal the primary within " + DRAIN + " after the load "
                    + "ended, though the agent mirrored directly again: " + e.getMessage() + "\n" + run.describe(), e);
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
