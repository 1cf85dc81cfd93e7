package io.dualwrite.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code <java.home>/bin/java [options] -jar <jar> [args]} with the JVM that runs the tests (so the
 * suite exercises the agent on whatever JDK runs it), with a timeout after which the process is destroyed.
 * Standard output and error go to files under the work directory, kept for a look after a failure.
 */
final class ForkedJvm {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;

    ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    ForkedJvm timeout(Duration newTimeout) {
        this.timeout = newTimeout;
        return this;
    }

    static Path javaExecutable() {
        Path home = Paths.get(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve(File.separatorChar == '\\' ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new AssertionError("no java executable at " + java);
        }
        return java;
    }

    RunResult runJar(Path jar, List<String> args, String label) {
        return startJar(jar, args, label).awaitExit();
    }

    /** Starts the JVM and returns at once; {@link RunningJvm#awaitExit()} waits for it within the timeout. */
    RunningJvm startJar(Path jar, List<String> args, String label) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);

        Path runs = ItPaths.workDir().resolve("runs");
        String base = String.format("%03d-%s", RUNS.incrementAndGet(), label.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Path stdoutFile = runs.resolve(base + ".stdout.txt");
        Path stderrFile = runs.resolve(base + ".stderr.txt");
        try {
            Files.createDirectories(runs);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ItPaths.workDir().toFile())
                    .redirectOutput(stdoutFile.toFile())
                    .redirectError(stderrFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return new RunningJvm(builder.start(), command, base, timeout, stdoutFile, stderrFile);
        } catch (IOException e) {
            throw new AssertionError("could not start " + String.join(" ", command) + ": " + e, e);
        }
    }

    /** A forked JVM that was started and may still run. */
    static final class RunningJvm {

        private final Process process;
        private final List<String> command;
        private final String name;
        private final Duration timeout;
        private final Path stdoutFile;
        private final Path stderrFile;
        private final long started = System.nanoTime();
        private String configYaml;
        private RunResult result;

        private RunningJvm(Process process, List<String> command, String name, Duration timeout, Path stdoutFile,
                           Path stderrFile) {
            this.process = process;
            this.command = command;
            this.name = name;
            this.timeout = timeout;
            this.stdoutFile = stdoutFile;
            this.stderrFile = stderrFile;
        }

        /** The agent's configuration, shown in the result's description. */
        RunningJvm withConfig(String yaml) {
            this.configYaml = yaml;
            return this;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** What the JVM printed on stdout until now. */
        String stdoutSoFar() {
            return read(stdoutFile);
        }

        /** What the JVM printed on stderr until now. */
        String stderrSoFar() {
            return read(stderrFile);
        }

        /**
         * Waits for the JVM to end, at most until its timeout (counted from its start), after which it is
         * destroyed; the result then says it timed out. Waiting again returns the same result.
         */
        synchronized RunResult awaitExit() {
            if (result != null) {
                return result;
            }
            boolean timedOut = false;
            int exitCode;
            try {
                long left = timeout.toNanos() - (System.nanoTime() - started);
                if (process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    exitCode = process.exitValue();
                } else {
                    timedOut = true;
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        process.waitFor(10, TimeUnit.SECONDS);
                    }
                    exitCode = -1;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + String.join(" ", command), e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("[it] " + name + ": " + (timedOut ? "destroyed after " + timeout : "exit " + exitCode)
                    + " in " + took.toMillis() + " ms");
            result = new RunResult(command, exitCode, timedOut, timeout, read(stdoutFile), read(stderrFile), took,
                    stdoutFile, stderrFile).withConfig(configYaml);
            return result;
        }

        /**
         * Kills the JVM as {@code kill -9} would (no shutdown hook, no finally block runs), waits until it is gone
         * and returns its result: on Linux the exit code is 137 (128 + SIGKILL); when it had already ended by
         * itself, its own exit code.
         */
        RunResult killForcibly() {
            destroy();
            return awaitExit();
        }

        /**
         * Ends the JVM at once (for a test's cleanup after a failure) and waits until it is gone, so that it no
         * longer writes into directories the test is about to delete; no-op when it already ended.
         */
        void destroy() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<could not read " + file + ": " + e + ">";
        }
    }
}
