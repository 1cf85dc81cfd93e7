package io.dualwrite.it.faults;

import io.dualwrite.it.TestDatabase;
import io.dualwrite.it.TestDatabases;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault-injecting proxy does to a real MariaDB session what each of its modes promises: refuse and reset
 * end sessions (they fail without waiting for a timeout), freeze holds them (they fail only by timing out).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultyProxyIT {

    /** How long a client waits for an answer: only a session the proxy holds reaches it. */
    private static final int SOCKET_TIMEOUT_MS = 600;
    /** Bounds the wait for a statement the proxy lets through again. */
    private static final Duration AWAIT = Duration.ofSeconds(10);

    private TestDatabase db;
    private FaultyProxy proxy;

    @BeforeAll
    void createDatabase() throws SQLException {
        db = TestDatabases.mariadb().createDatabase();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultyProxy.inFrontOf(db);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void passForwardsASessionBothWaysAndCountsIt() throws SQLException {
        try (Connection c = connectThroughProxy(0)) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void refuseMakesNewConnectsFailAtOnceWithConnectionRefused() {
        proxy.refuse();

        assertThatThrownBy(() -> connectThroughProxy(SOCKET_TIMEOUT_MS))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(causes(e)).as("causes of %s", e)
                        .anyMatch(c -> c instanceof ConnectException));
        assertThat(proxy.acceptedConnections()).as("connections accepted while refusing").isZero();
    }

    @Test
    void refuseEndsOpenSessions() throws SQLException {
        try (Connection c = connectThroughProxy(SOCKET_TIMEOUT_MS)) {
            proxy.refuse();

            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(timedOut(e)).as("timed out rather than ended: %s", e).isFalse());
        }
    }

    @Test
    void resetAbortsOpenSessionsAndEveryNewOne() throws SQLException {
        try (Connection c = connectThroughProxy(SOCKET_TIMEOUT_MS)) {
            proxy.reset();

            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(timedOut(e)).as("timed out rather than reset: %s", e).isFalse());
            assertThatThrownBy(() -> connectThroughProxy(SOCKET_TIMEOUT_MS)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(timedOut(e)).as("timed out rather than reset: %s", e).isFalse());
        }
        assertThat(proxy.acceptedConnections()).as("the first session, and the new one that was reset").isEqualTo(2);
        assertThat(proxy.openConnections()).isZero();
    }

    @Test
    void freezeHoldsAnOpenSessionUntilItsSocketTimeout() throws SQLException {
        try (Connection c = connectThroughProxy(SOCKET_TIMEOUT_MS)) {
            proxy.freeze();

            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(timedOut(e)).as("held until the client timed out: %s", e).isTrue());
        }
    }

    @Test
    void freezeAcceptsNewConnectsButNeverCompletesTheirHandshake() {
        proxy.freeze();

        assertThatThrownBy(() -> connectThroughProxy(SOCKET_TIMEOUT_MS)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(timedOut(e)).as("held until the client timed out: %s", e).isTrue());
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    /** A paused server runs, once resumed, what it had received: a client cannot know whether it did. */
    @Test
    void aStatementSentDuringAFreezeRunsWhenThePassResumes() throws Exception {
        try (Connection c = connectThroughProxy(0)) {
            proxy.freeze();
            CompletableFuture<Integer> insert = CompletableFuture.supplyAsync(() -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO t (id) VALUES (1)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(insert).as("an insert through a frozen proxy").isNotDone();
            assertThat(countRows()).as("rows while frozen").isZero();

            proxy.pass();

            assertThat(insert.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
            assertThat(countRows()).as("rows after the freeze").isEqualTo(1);
        } finally {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM t");
            }
        }
    }

    @ParameterizedTest(name = "after {0}")
    @EnumSource(value = FaultyProxy.Mode.class, names = {"REFUSE", "RESET", "FREEZE"})
    void passAfterAFaultServesNewSessionsAgain(FaultyProxy.Mode fault) throws SQLException {
        try (Connection before = connectThroughProxy(SOCKET_TIMEOUT_MS)) {
            proxy.mode(fault);
            assertThatThrownBy(() -> selectOne(before)).isInstanceOf(SQLException.class);
        }

        proxy.pass();

        try (Connection after = connectThroughProxy(SOCKET_TIMEOUT_MS)) {
            assertThat(selectOne(after)).isEqualTo(1);
        }
    }

    private Connection connectThroughProxy(int socketTimeoutMs) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("connectTimeout", "1000");
        if (socketTimeoutMs > 0) {
            props.setProperty("socketTimeout", String.valueOf(socketTimeoutMs));
        }
        return DriverManager.getConnection(proxy.urlOf(db), props);
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long countRows() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether the failure is the client giving up waiting, as opposed to the session being ended. */
    private static boolean timedOut(Throwable e) {
        for (Throwable cause : causes(e)) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof SocketTimeoutException || message.contains("timeout")
                    || message.contains("timout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
