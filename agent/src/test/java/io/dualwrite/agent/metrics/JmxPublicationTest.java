package io.dualwrite.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JmxPublicationTest {

    private static final String[] ATTRIBUTES = {"WritesSeen", "WritesApplied", "WritesJournaled", "WritesSkipped",
        "WritesIgnored", "WritesLost", "WritesRolledBack", "WritesNondeterministic", "JournalReplayed", "JournalDeadLettered", "QueueDepth",
        "JournalBacklogRecords", "JournalBacklogBytes", "ReplicationLagMillis", "CircuitState", "ReadsPrimary",
        "ReadsSecondary", "ReadFallbacks", "ShadowReadsCompared", "ShadowReadsMismatched", "ShadowReadsSkipped",
        "ShadowReadsDropped", "ShadowReadsFailed"};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<JmxPublication> published = new ArrayList<>();

    @AfterEach
    void unregister() {
        published.forEach(JmxPublication::close);
    }

    @Test
    void theAgentIsPublishedAsIoDualwriteTypeAgentWithEveryValueOfTheSnapshot() throws Exception {
        JmxPublication publication = register(() -> MetricsSnapshotTest.sample().build());

        assertThat(publication.objectName()).isEqualTo("io.dualwrite:type=Agent");
        ObjectName name = new ObjectName("io.dualwrite:type=Agent");
        assertThat(Arrays.stream(ATTRIBUTES).map(attribute -> read(name, attribute)))
                .containsExactly(100L, 60L, 20L, 10L, 6L, 4L, 7L, 17L, 15L, 2L, 3L, 5L, 4096L, 1500L, "open", 41L,
                        31L, 8L, 25L, 9L, 11L, 12L, 13L);
    }

    @Test
    void itIsAnMXBeanOfPlainTypesSoJConsoleAndExportersReadItWithoutTheAgentsClasses() throws Exception {
        ObjectName name = new ObjectName(register(() -> MetricsSnapshot.builder().build()).objectName());

        MBeanInfo info = server.getMBeanInfo(name);
        assertThat(info.getDescriptor().getFieldValue("mxbean")).isEqualTo("true");
        assertThat(Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName)).containsExactlyInAnyOrder(
                ATTRIBUTES);
        assertThat(Arrays.stream(info.getAttributes()).filter(a -> !a.getName().equals("CircuitState"))
                .map(MBeanAttributeInfo::getType)).containsOnly("long");
        assertThat(JMX.newMXBeanProxy(server, name, DualWriteMetricsMXBean.class).getCircuitState())
                .isEqualTo("closed");
    }

    @Test
    void everyReadAsksForAFreshSnapshot() throws Exception {
        AtomicLong seen = new AtomicLong(1);
        ObjectName name = new ObjectName(register(() -> MetricsSnapshot.builder().seen(seen.get()).build())
                .objectName());

        assertThat(read(name, "WritesSeen")).isEqualTo(1L);
        seen.set(42);
        assertThat(read(name, "WritesSeen")).isEqualTo(42L);
    }

    @Test
    void aBulkReadTakesEveryAttributeFromOneSnapshotSoTheOutcomesAddUp() throws Exception {
        AtomicInteger snapshotsTaken = new AtomicInteger();
        ObjectName name = new ObjectName(register(() -> {
            long n = snapshotsTaken.incrementAndGet();
            return MetricsSnapshot.builder().seen(3 * n).applied(n).journaled(n).skipped(n).build();
        }).objectName());

        List<Object> values = server.getAttributes(name,
                new String[] {"WritesSeen", "WritesApplied", "WritesJournaled", "WritesSkipped"}).asList().stream()
                .map(Attribute::getValue).collect(Collectors.toList());

        assertThat(snapshotsTaken).hasValue(1);
        assertThat(values).containsExactly(3L, 1L, 1L, 1L);
    }

    @Test
    void aSecondAgentInTheSameJvmIsPublishedNextToTheFirstUnderName2() throws Exception {
        JmxPublication first = register(() -> MetricsSnapshot.builder().seen(1).build());
        JmxPublication second = register(() -> MetricsSnapshot.builder().seen(2).build());

        assertThat(second.objectName()).isEqualTo("io.dualwrite:type=Agent,name=2");
        assertThat(read(new ObjectName(first.objectName()), "WritesSeen")).isEqualTo(1L);
        assertThat(read(new ObjectName(second.objectName()), "WritesSeen")).isEqualTo(2L);
    }

    @Test
    void closingUnregistersTheMBeanOnceAndFreesItsNameForTheNextAgent() throws Exception {
        JmxPublication publication = register(() -> MetricsSnapshot.builder().build());
        ObjectName name = new ObjectName(publication.objectName());

        publication.close();
        publication.close();

        assertThat(server.isRegistered(name)).isFalse();
        assertThat(register(() -> MetricsSnapshot.builder().build()).objectName()).isEqualTo(name.toString());
    }

    @Test
    void aRefusedRegistrationIsReportedAsAMetricsExceptionSayingWhatIsMissing() {
        MBeanServer refusing = (MBeanServer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MBeanServer.class}, (proxy, method, args) -> {
                    throw new SecurityException("MBeanPermission denied");
                });

        assertThatThrownBy(() -> JmxPublication.register(refusing, () -> MetricsSnapshot.builder().build()))
                .isInstanceOf(MetricsException.class)
                .hasMessage("no JMX metrics: the MBean could not be registered as io.dualwrite:type=Agent "
                        + "(java.lang.SecurityException: MBeanPermission denied)");
    }

    private JmxPublication register(Supplier<MetricsSnapshot> snapshots) throws MetricsException {
        JmxPublication publication = JmxPublication.register(snapshots);
        published.add(publication);
        return publication;
    }

    private Object read(ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("reading " + attribute + " of " + name, e);
        }
    }
}
