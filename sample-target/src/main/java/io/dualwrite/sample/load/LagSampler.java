package io.dualwrite.sample.load;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.HdrHistogram.Histogram;

/**
 * The agent's replication lag, when the agent is attached to this JVM: its MBean's {@code ReplicationLagMillis}
 * (how long the oldest write not yet on the secondary has waited) sampled every {@link #INTERVAL_MS} ms while the
 * run measures. The generator knows the agent only through this public JMX name, never its classes.
 */
final class LagSampler {

    static final long INTERVAL_MS = 10;
    private static final String AGENT_MBEAN = "io.dualwrite:type=Agent";
    private static final String ATTRIBUTE = "ReplicationLagMillis";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName agent;
    private final Histogram lagMillis = new Histogram(3);
    private final Thread sampler = new Thread(this::sample, "load-lag-sampler");
    private volatile boolean running = true;
    private volatile String failure;

    LagSampler() {
        try {
            agent = new ObjectName(AGENT_MBEAN);
        } catch (JMException e) {
            throw new IllegalStateException("bad MBean name " + AGENT_MBEAN, e);
        }
    }

    /** Starts sampling if the agent publishes its MBean here; returns whether it does. */
    boolean startIfAgentPresent() {
        if (!server.isRegistered(agent)) {
            return false;
        }
        sampler.setDaemon(true);
        sampler.start();
        return true;
    }

    private void sample() {
        while (running) {
            try {
                lagMillis.recordValue((Long) server.getAttribute(agent, ATTRIBUTE));
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (JMException | RuntimeException e) {
                failure = e.toString();
                return;
            }
        }
    }

    /** Stops sampling; returns the samples, or null (said on stderr) when the MBean could not be read. */
    Histogram stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        if (failure != null) {
            System.err.println("load: replication lag not measured, reading the agent's " + ATTRIBUTE + " failed: "
                    + failure);
            return null;
        }
        return lagMillis;
    }
}
