package io.dualwrite.agent.metrics;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The agent's MBean in the platform MBean server, from {@link #register} until {@link #close}.
 *
 * <p>No {@code javax.management} type appears here in a catch clause or a superclass: the verifier would load it
 * when this class links, and on a runtime built without {@code java.management} that would escape as a
 * {@code NoClassDefFoundError} instead of the {@link MetricsException} the caller expects.
 */
public final class JmxPublication implements AutoCloseable {

    public static final String OBJECT_NAME = "io.dualwrite:type=Agent";

    private final MBeanServer server;
    private final ObjectName name;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JmxPublication(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Publishes {@code snapshots} as a {@link DualWriteMetricsMXBean} under {@value #OBJECT_NAME}, or under that name
     * with {@code ,name=2} (3, ...) when another agent in this JVM holds it.
     *
     * @param snapshots asked once per attribute read, or once per bulk read; called on JMX threads
     * @throws MetricsException when JMX is missing from this runtime or the MBean server refuses the bean
     */
    public static JmxPublication register(Supplier<MetricsSnapshot> snapshots) throws MetricsException {
        Objects.requireNonNull(snapshots, "snapshots");
        try {
            return register(ManagementFactory.getPlatformMBeanServer(), snapshots);
        } catch (LinkageError e) {
            throw new MetricsException("no JMX metrics: this Java runtime lacks the module java.management (" + e
                    + ")", e);
        }
    }

    static JmxPublication register(MBeanServer server, Supplier<MetricsSnapshot> snapshots) throws MetricsException {
        try {
            return new JmxPublication(server, new AgentMetricsBean(snapshots).registerIn(server));
        } catch (Exception e) {
            throw new MetricsException("no JMX metrics: the MBean could not be registered as " + OBJECT_NAME + " ("
                    + e + ")", e);
        }
    }

    /** The name it was registered under, for the start-up log line. */
    public String objectName() {
        return name.toString();
    }

    /** Unregisters the MBean; idempotent, never throws. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.unregisterMBean(name);
            } catch (Exception alreadyGone) {
                // unregistered by someone else in the meantime: nothing is left to undo
            }
        }
    }
}
