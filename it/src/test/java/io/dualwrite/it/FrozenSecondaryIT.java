package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secondary that accepts connections and never answers (a frozen server, a black-holed network) must not
 * hold the application: the first mirror gives up after the configured timeouts and is journaled, and the
 * writes after it queue behind it in the journal without waiting for the secondary.
 */
class FrozenSecondaryIT extends DatabasePairPerClass {

    private static final int ROWS = 5;
    /** Writes of the writes scenario: inserts, every 2nd updated, every 5th deleted. */
    private static final int WRITES = ROWS + ROWS / 2 + ROWS / 5;

    private ServerSocket frozen;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    FrozenSecondaryIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void startAServerThatNeverAnswers() throws IOException {
        frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!frozen.isClosed()) {
                try {
                    held.add(frozen.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "frozen-secondary");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopIt() throws IOException {
        frozen.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void theApplicationFinishesItsWritesAndEveryMirrorIsJournaled() {
        AgentConfig config = AgentConfig.mirroring(databases)
                .secondary("jdbc:postgresql://127.0.0.1:" + frozen.getLocalPort() + "/frozen", "dualwrite", "x")
                .connectTimeoutMs(300)
                .shutdownTimeoutMs(300)
                .poolSize(2);
        RunResult run = AgentRun.with(config)
                .run(SampleCommand.scenario("writes", primary(), "--rows", String.valueOf(ROWS)))
                .assertScenarioDone("writes");

        assertThat(TableComparison.count(primary(), "items")).as("rows written on the primary%n%s", run.describe())
                .isEqualTo(ROWS - ROWS / 5);
        Stats stats = run.consistentStats();
        assertThat(stats.seen).as("writes seen in %s%n%s", stats, run.describe()).isEqualTo(WRITES);
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isEqualTo(WRITES);
        assertThat(held).as("connection attempts that reached the frozen server").isNotEmpty();
    }
}
