package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InterruptGuardTest {

    private final StringWriter err = new StringWriter();

    @Test
    void onShutdownItAsksTheReplayToStopAndWaitsUntilTheReplayHasEnded() throws Exception {
        CountDownLatch stopAsked = new CountDownLatch(1);
        InterruptGuard guard = InterruptGuard.install("replay", "stopping after the records being applied and writing the checkpoint", stopAsked::countDown, 60_000, new PrintWriter(err, true));
        CompletableFuture<Void> hook = CompletableFuture.runAsync(guard::stopAndWait);

        assertThat(stopAsked.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(hook).as("the hook waits for the replay to end").isNotDone();
        guard.close();
        hook.get(10, TimeUnit.SECONDS);
        assertThat(err.toString())
                .contains("interrupted: stopping after the records being applied and writing the checkpoint");
    }

    @Test
    void aReplayThatDoesNotEndInTimeDoesNotKeepTheProcessAlive() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        InterruptGuard guard = InterruptGuard.install("replay", "stopping after the records being applied and writing the checkpoint", () -> stopped.set(true), 50, new PrintWriter(err, true));
        try {
            CompletableFuture.runAsync(guard::stopAndWait).get(10, TimeUnit.SECONDS);

            assertThat(stopped).isTrue();
            assertThat(err.toString()).contains("replay did not end within 50 ms");
        } finally {
            guard.close();
        }
    }
}
