package io.dualwrite.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample application run in a forked JVM under the agent: the configuration is written to a file
 * readable only by its owner and named by {@code -javaagent:<agent jar>=config=<file>}.
 */
public final class AgentRun {

    private static final AtomicInteger CONFIGS = new AtomicInteger();

    private final ForkedJvm jvm = new ForkedJvm();
    private final String yaml;
    private final boolean withAgent;
    private Path configPath;

    private AgentRun(String yaml, Path configPath, boolean withAgent) {
        this.yaml = yaml;
        this.configPath = configPath;
        this.withAgent = withAgent;
    }

    public static AgentRun with(AgentConfig config) {
        return new AgentRun(config.toYaml(), null, true);
    }

    /** Any text as the configuration file, valid or not. */
    public static AgentRun withYaml(String yaml) {
        return new AgentRun(yaml, null, true);
    }

    /** The agent pointed at this path as it is (which may not exist). */
    public static AgentRun withConfigPath(Path path) {
        return new AgentRun(null, path, true);
    }

    /** The sample application alone, without any agent. */
    public static AgentRun withoutAgent() {
        return new AgentRun(null, null, false);
    }

    public AgentRun environment(String name, String value) {
        jvm.environment(name, value);
        return this;
    }

    public AgentRun timeout(Duration timeout) {
        jvm.timeout(timeout);
        return this;
    }

    /** The path of the configuration file, written on first use. */
    public Path configPath() {
        if (configPath == null && yaml != null) {
            configPath = writeConfig(yaml);
        }
        return configPath;
    }

    public RunResult run(String... sampleArgs) {
        return run(Arrays.asList(sampleArgs));
    }

    public RunResult run(List<String> sampleArgs) {
        return start(sampleArgs).awaitExit();
    }

    /**
     * Starts the sample application and returns while it runs, so that a test can act on the databases or
     * the network meanwhile; {@code awaitExit()} then gives its result.
     */
    ForkedJvm.RunningJvm start(List<String> sampleArgs) {
        if (withAgent) {
            jvm.jvmOption("-javaagent:" + ItPaths.agentJar() + "=config=" + configPath());
        }
        String label = sampleArgs.isEmpty() ? "run" : String.join("-", sampleArgs.subList(0, Math.min(2, sampleArgs.size())));
        return jvm.startJar(ItPaths.sampleJar(), sampleArgs, label).withConfig(yaml);
    }

    static Path writeConfig(String yaml) {
        return writePrivateFile(yaml, "dualwrite.yaml");
    }

    /**
     * The journal of a run whose configuration leaves {@code journal.dir} out: next to the configuration file,
     * which has a directory of its own, so no two runs share a journal.
     */
    public Path journalDir() {
        return configPath().getParent().resolve("dualwrite-journal");
    }

    /**
     * Writes a file that only its owner may read (permission 600) in a directory of its own under the work
     * directory.
     */
    static Path writePrivateFile(String content, String name) {
        try {
            // a new directory even when an earlier build left some: a journal there would be replayed
            Path dir = Files.createTempDirectory(Files.createDirectories(ItPaths.workDir().resolve("configs")),
                    String.format("%03d-", CONFIGS.incrementAndGet()));
            Path file = dir.resolve(name);
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new AssertionError("could not write " + name + ": " + e, e);
        }
    }
}
