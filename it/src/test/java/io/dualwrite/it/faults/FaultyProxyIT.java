package io.dualwrite.it.faults;

import io.dualwrite.it.TestDatabase;
import io.dualwrite.it.TestDatabases;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The fault-injecting proxy does to a real MariaDB session what each of its modes promises, quickly enough for
 * the fault-injection tests to rely on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultyProxyIT {

    /** Far below the seconds a fault lasts in the fault-injection tests. */
    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final int SOCKET_TIMEOUT_MS = 600;

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

        long started = System.nanoTime();
        assertThatThrownBy(() -> connectThroughProxy(0))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(causes(e)).as("causes of %s", e)
                        .anyMatch(c -> c instanceof ConnectException));
        assertThat(elapsed(started)).isLessThan(QUICKLY);
        assertThat(proxy.acceptedConnections()).as("connections accepted while refusing").isZero();
    }

    @Test
    void refuseEndsOpenSessions() throws SQLException {
        try (Connection c = connectThroughProxy(0)) {
            proxy.refuse();

            long started = System.nanoTime();
            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class);
            assertThat(elapsed(started)).isLessThan(QUICKLY);
        }
    }

    @Test
    void resetAbortsOpenSessionsAndEveryNewOne() throws SQLException {
        try (Connection c = connectThroughProxy(0)) {
            proxy.reset();

            long started = System.nanoTime();
            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connectThroughProxy(0)).isInstanceOf(SQLException.class);
            assertThat(elapsed(started)).isLessThan(QUICKLY);
        }
        assertThat(proxy.acceptedConnections()).as("the first session, and the new one that was reset").isEqualTo(2);
        assertThat(proxy.openConnections()).isZero();
    }

    @Test
    void freezeHoldsAnOpenSessionUntilItsSocketTimeout() throws SQLException {
        try (Connection c = connectThroughProxy(SOCKET_TIMEOUT_MS)) {
            proxy.freeze();

            long started = System.nanoTime();
            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class);
            assertThat(elapsed(started)).as("time until the frozen query failed")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(SOCKET_TIMEOUT_MS - 100))
                    .isLessThan(QUICKLY.plusMillis(SOCKET_TIMEOUT_MS));
        }
    }

    @Test
    void freezeAcceptsNewConnectsButNeverCompletesTheirHandshake() {
        proxy.freeze();

        long started = System.nanoTime();
        assertThatThrownBy(() -> connectThroughProxy(SOCKET_TIMEOUT_MS)).isInstanceOf(SQLException.class);
        assertThat(elapsed(started)).isLessThan(QUICKLY.plusMillis(SOCKET_TIMEOUT_MS));
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

            assertThat(insert.get(QUICKLY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
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

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
