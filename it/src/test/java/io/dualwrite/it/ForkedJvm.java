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
        long started = System.nanoTime();
        boolean timedOut = false;
        int exitCode;
        try {
            Files.createDirectories(runs);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ItPaths.workDir().toFile())
                    .redirectOutput(stdoutFile.toFile())
                    .redirectError(stderrFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
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
        } catch (IOException e) {
            throw new AssertionError("could not start " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + String.join(" ", command), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("[it] " + base + ": " + (timedOut ? "destroyed after " + timeout : "exit " + exitCode)
                + " in " + took.toMillis() + " ms");
        return new RunResult(command, exitCode, timedOut, timeout, read(stdoutFile), read(stderrFile), took,
                stdoutFile, stderrFile);
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
