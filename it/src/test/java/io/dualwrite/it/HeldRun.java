package io.dualwrite.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of the {@code reads} scenario kept alive once its reads are done ({@code --exit-file}), as a long-running
 * application would be, so that a test can look at what the agent does in the background (its metrics, the shadow
 * reads' comparisons) before the JVM ends.
 */
final class HeldRun {

    private static final Duration READS_DONE_WITHIN = Duration.ofSeconds(90);

    private HeldRun() {
    }

    /** What a test does while the application is held alive after its reads. */
    interface WhileHeld {
        void check(ForkedJvm.RunningJvm running) throws Exception;
    }

    /**
     * Starts the scenario, waits until its reads are done, runs the check, then lets the application exit and
     * returns its result. A failing check fails with the run's output; the application exits either way.
     */
    static RunResult run(AgentRun agentRun, List<String> scenarioArgs, WhileHeld whileHeld) {
        Path exitFile = newExitFile();
        List<String> args = new ArrayList<>(scenarioArgs);
        args.add("--exit-file");
        args.add(exitFile.toString());
        ForkedJvm.RunningJvm running = agentRun.start(args);
        Throwable failure = null;
        try {
            await().atMost(READS_DONE_WITHIN).until(() -> !running.isAlive()
                    || running.stdoutSoFar().contains("reads: waiting for " + exitFile));
            if (running.isAlive()) {
                whileHeld.check(running);
            }
        } catch (Exception | AssertionError e) {
            failure = e;
        } finally {
            touch(exitFile);
        }
        RunResult result = running.awaitExit();
        if (failure != null) {
            throw new AssertionError(failure.getMessage() + "\n" + result.describe(), failure);
        }
        return result;
    }

    private static Path newExitFile() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(ItPaths.workDir().resolve("exit-files")),
                    "reads-");
            return dir.resolve("exit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
