package io.dualwrite.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether the throttle sleeps, told without timing anything: with the thread's interrupt flag set, a sleep
 * throws at once, and no sleep does not.
 */
class ThrottleTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void withoutALimitItNeverSleeps() {
        Throttle throttle = new Throttle(0);
        Thread.currentThread().interrupt();

        assertThatCode(() -> {
            for (int i = 0; i < 1000; i++) {
                throttle.pace(1_000_000_000L);
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void aNegativeLimitIsNoLimit() {
        Throttle throttle = new Throttle(-5);
        Thread.currentThread().interrupt();

        assertThatCode(() -> throttle.pace(1_000_000L)).doesNotThrowAnyException();
    }

    @Test
    void aheadOfTheLimitItSleeps() {
        Throttle throttle = new Throttle(10);
        Thread.currentThread().interrupt();

        // 1000 rows at 10 per second are due in 100 s
        assertThatThrownBy(() -> throttle.pace(1000)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void behindTheLimitItDoesNotSleep() {
        // at billions of rows per second a row is due as soon as the throttle starts
        Throttle throttle = new Throttle(Long.MAX_VALUE / 1_000_000_000L);
        Thread.currentThread().interrupt();

        assertThatCode(() -> throttle.pace(1)).doesNotThrowAnyException();
    }
}
