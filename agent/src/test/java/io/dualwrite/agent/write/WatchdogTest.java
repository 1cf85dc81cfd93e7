package io.dualwrite.agent.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    private final AtomicInteger aborts = new AtomicInteger();
    private final CountDownLatch aborted = new CountDownLatch(1);

    /** A connection that only records being aborted. */
    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                if (method.getName().equals("abort")) {
                    aborts.incrementAndGet();
                    aborted.countDown();
                }
                return null;
            });

    @Test
    void aStatementThatOutlastsItsTimeoutHasItsConnectionAborted() throws Exception {
        try (Watchdog watchdog = new Watchdog(50)) {
            try (Watchdog.Watch watch = watchdog.watch(connection)) {
                assertThat(aborted.await(5, TimeUnit.SECONDS)).as("aborted while the statement still ran").isTrue();
            }
        }
        assertThat(aborts).hasValue(1);
    }

    @Test
    void aStatementDoneInTimeLeavesItsConnectionAlone() throws Exception {
        try (Watchdog watchdog = new Watchdog(50)) {
            watchdog.watch(connection).close();
            Thread.sleep(700);
        }
        assertThat(aborts).hasValue(0);
    }

    @Test
    void noneWatchesNothing() throws Exception {
        Watchdog.NONE.watch(connection).close();
        Thread.sleep(100);
        assertThat(aborts).hasValue(0);
    }
}
