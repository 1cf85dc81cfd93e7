package io.dualwrite.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The jars under test and the working directory, as failsafe passes them (with fallbacks for an IDE). */
final class ItPaths {

    private static final String BUILD_HINT =
            "build it first: cd <repo> && mvn -B -q -pl bootstrap,agent,sample-target -am package -DskipTests";

    private ItPaths() {
    }

    static Path agentJar() {
        return existingJar("dualwrite.agent.jar", "../agent/target/dualwrite-agent.jar");
    }

    static Path sampleJar() {
        return existingJar("dualwrite.sample.jar", "../sample-target/target/sample-target.jar");
    }

    static Path workDir() {
        Path dir = Paths.get(System.getProperty("dualwrite.it.workdir", "target/it-work")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A new empty file in {@code folder} of the work directory, e.g. for a report a forked run writes. */
    static Path newWorkFile(String folder, String prefix, String suffix) {
        try {
            return Files.createTempFile(Files.createDirectories(workDir().resolve(folder)), prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a file in " + workDir().resolve(folder), e);
        }
    }

    private static Path existingJar(String property, String fallback) {
        Path jar = Paths.get(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist (system property " + property + "); " + BUILD_HINT);
        }
        return jar;
    }
}
