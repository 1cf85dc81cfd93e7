package io.dualwrite.agent.metrics;

import java.util.function.Supplier;
import javax.management.AttributeList;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/** The MXBean itself: every attribute read asks the agent for the current snapshot. */
final class AgentMetricsBean extends StandardMBean implements DualWriteMetricsMXBean {

    /** Far more agents than one JVM will ever hold; only bounds the search for a free name. */
    private static final int MAX_NAMES = 100;

    private final Supplier<MetricsSnapshot> snapshots;
    /** Set for the length of one bulk read, so JConsole's refresh shows numbers from one instant that add up. */
    private final ThreadLocal<MetricsSnapshot> bulkRead = new ThreadLocal<>();

    AgentMetricsBean(Supplier<MetricsSnapshot> snapshots) {
        super(DualWriteMetricsMXBean.class, true);
        this.snapshots = snapshots;
    }

    /**
     * Registers under {@value JmxPublication#OBJECT_NAME}, or, when another agent in this JVM has that name, under
     * the first free one of {@code ,name=2}, {@code ,name=3}, ..., so that every agent publishes.
     */
    ObjectName registerIn(MBeanServer server) throws JMException {
        for (int n = 1; ; n++) {
            String base = JmxPublication.OBJECT_NAME;
            ObjectName name = new ObjectName(n == 1 ? base : base + ",name=" + n);
            try {
                server.registerMBean(this, name);
                return name;
            } catch (InstanceAlreadyExistsException taken) {
                if (n == MAX_NAMES) {
                    throw taken;
                }
            }
        }
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        bulkRead.set(snapshots.get());
        try {
            return super.getAttributes(attributes);
        } finally {
            bulkRead.remove();
        }
    }

    private MetricsSnapshot snapshot() {
        MetricsSnapshot current = bulkRead.get();
        return current != null ? current : snapshots.get();
    }

    @Override
    public long getWritesSeen() {
        return snapshot().seen();
    }

    @Override
    public long getWritesApplied() {
        return snapshot().applied();
    }

    @Override
    public long getWritesJournaled() {
        return snapshot().journaled();
    }

    @Override
    public long getWritesSkipped() {
        return snapshot().skipped();
    }

    @Override
    public long getWritesIgnored() {
        return snapshot().ignored();
    }

    @Override
    public long getWritesLost() {
        return snapshot().lost();
    }

    @Override
    public long getWritesRolledBack() {
        return snapshot().rolledBack();
    }

    @Override
    public long getWritesNondeterministic() {
        return snapshot().nondeterministic();
    }

    @Override
    public long getJournalReplayed() {
        return snapshot().replayed();
    }

    @Override
    public long getJournalDeadLettered() {
        return snapshot().deadLettered();
    }

    @Override
    public long getQueueDepth() {
        return snapshot().queueDepth();
    }

    @Override
    public long getJournalBacklogRecords() {
        return snapshot().journalBacklogRecords();
    }

    @Override
    public long getJournalBacklogBytes() {
        return snapshot().journalBacklogBytes();
    }

    @Override
    public long getReplicationLagMillis() {
        return snapshot().replicationLagMillis();
    }

    @Override
    public String getCircuitState() {
        return snapshot().circuit();
    }

    @Override
    public long getReadsPrimary() {
        return snapshot().primaryReads();
    }

    @Override
    public long getReadsSecondary() {
        return snapshot().secondaryReads();
    }

    @Override
    public long getReadFallbacks() {
        return snapshot().fallbackReads();
    }

    @Override
    public long getShadowReadsCompared() {
        return snapshot().shadowReadsCompared();
    }

    @Override
    public long getShadowReadsMismatched() {
        return snapshot().shadowReadsMismatched();
    }

    @Override
    public long getShadowReadsSkipped() {
        return snapshot().shadowReadsSkipped();
    }

    @Override
    public long getShadowReadsDropped() {
        return snapshot().shadowReadsDropped();
    }

    @Override
    public long getShadowReadsFailed() {
        return snapshot().shadowReadsFailed();
    }
}
