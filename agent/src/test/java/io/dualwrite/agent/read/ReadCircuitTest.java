package io.dualwrite.agent.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadCircuitTest {

    private final ReadCircuit circuit = new ReadCircuit();

    @Test
    void aSecondaryNeverFoundUnreachableIsAlwaysAllowed() {
        for (int i = 0; i < 10; i++) {
            assertThat(circuit.allows()).isTrue();
        }
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void afterAnUnreachableSecondaryReadsAreKeptOffItUntilThePausePassesThenOneProbes() {
        circuit.unreachable();
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.allows()).isFalse();
        assertThat(circuit.allows()).isFalse();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(circuit::allows);

        assertThat(circuit.allows()).as("only the first read after the pause probes").isFalse();
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void aSuccessClosesTheCircuit() {
        circuit.unreachable();
        circuit.succeeded();

        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.allows()).isTrue();
        assertThat(circuit.allows()).isTrue();
    }

    @Test
    void aSuccessResetsThePauseToTheFirst() {
        circuit.unreachable();
        circuit.unreachable();
        circuit.unreachable();
        circuit.succeeded();
        circuit.unreachable();

        // the first pause again (one second), not the fourth (eight)
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20)).until(circuit::allows);
    }
}
