package io.dualwrite.it.micro;

import fakejdbc.FakeDriver;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What one fork of {@link AdviceOverheadBenchmark} saw at its end: whether the agent was active in it (its MBean
 * registered) with what counters, and how many statements reached each fake database. Written by the fork as a
 * properties file, read back by the runner, so that a configuration whose agent silently did not attach, or did
 * not mirror, cannot pass for a fast one.
 */
final class ForkEvidence {

    /** The agent's MBean (JmxPublication.OBJECT_NAME), registered once the agent is active. */
    private static final String AGENT_MBEAN = "io.dualwrite:type=Agent";

    final String benchmark;
    final String configuration;
    final boolean agentActive;
    final long writesSeen;
    final long writesApplied;
    final long primaryExecutions;
    final long probeExecutions;
    final long secondaryExecutions;
    private final Properties source;

    private ForkEvidence(Properties p) {
        this.source = p;
        this.benchmark = p.getProperty("benchmark");
        this.configuration = p.getProperty("configuration");
        this.agentActive = Boolean.parseBoolean(p.getProperty("agentActive"));
        this.writesSeen = Long.parseLong(p.getProperty("writesSeen"));
        this.writesApplied = Long.parseLong(p.getProperty("writesApplied"));
        this.primaryExecutions = Long.parseLong(p.getProperty("primaryExecutions"));
        this.probeExecutions = Long.parseLong(p.getProperty("probeExecutions"));
        this.secondaryExecutions = Long.parseLong(p.getProperty("secondaryExecutions"));
    }

    /** Observes this JVM: to be called in the fork, by the thread that ran the benchmark. */
    static ForkEvidence observe(String benchmark, String configuration) throws JMException {
        Properties p = new Properties();
        p.setProperty("benchmark", benchmark);
        p.setProperty("configuration", configuration);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName agent = new ObjectName(AGENT_MBEAN);
        boolean active = server.isRegistered(agent);
        p.setProperty("agentActive", Boolean.toString(active));
        p.setProperty("writesSeen", active ? server.getAttribute(agent, "WritesSeen").toString() : "0");
        p.setProperty("writesApplied", active ? server.getAttribute(agent, "WritesApplied").toString() : "0");
        p.setProperty("primaryExecutions", Long.toString(FakeDriver.executions(AdviceOverheadBenchmark.PRIMARY_URL)));
        p.setProperty("probeExecutions", Long.toString(FakeDriver.executions(AdviceOverheadBenchmark.PROBE_URL)));
        p.setProperty("secondaryExecutions",
                Long.toString(FakeDriver.executions(AdviceOverheadBenchmark.SECONDARY_URL)));
        return new ForkEvidence(p);
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(configuration + "-" + benchmark + "-" + ProcessHandle.current().pid() + ".properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            source.store(out, "evidence of one fork of " + benchmark);
        }
    }

    /** Every fork's evidence found in {@code dir}, in no particular order; none when it does not exist. */
    static List<ForkEvidence> readAll(Path dir) throws IOException {
        List<ForkEvidence> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".properties"))::iterator) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                all.add(new ForkEvidence(p));
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return benchmark + " [" + configuration + "]: agent " + (agentActive ? "active" : "absent") + ", writes seen "
                + writesSeen + ", applied " + writesApplied + "; executions on the primary " + primaryExecutions
                + ", the probe " + probeExecutions + ", the secondary " + secondaryExecutions;
    }
}
