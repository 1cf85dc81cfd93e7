package io.dualwrite.it.faults;

import io.dualwrite.it.DatabaseKind;
import io.dualwrite.it.TestDatabase;
import io.dualwrite.it.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Killing the sessions of one database from the server's side breaks them, and nothing else. */
class ServerConnectionsIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = {"MARIADB", "POSTGRESQL"})
    void killedSessionsFailOnTheirNextUseAndOtherDatabasesKeepTheirs(DatabaseKind kind) throws SQLException {
        try (TestDatabase target = TestDatabases.of(kind).createDatabase();
             TestDatabase bystander = TestDatabases.of(kind).createDatabase();
             Connection victim = target.connect();
             Connection untouched = bystander.connect()) {
            assertThat(selectOne(victim)).isEqualTo(1);

            assertThat(ServerConnections.killAll(target)).as("sessions killed on %s", target).isEqualTo(1);
            // pg_terminate_backend only signals the backend; its end comes a moment later.
            await().atMost(Duration.ofSeconds(5)).until(() -> ServerConnections.count(target) == 0);

            assertThatThrownBy(() -> selectOne(victim)).as("the killed session's next query")
                    .isInstanceOf(SQLException.class);
            assertThat(selectOne(untouched)).as("a session on another database of the same server").isEqualTo(1);
            try (Connection fresh = target.connect()) {
                assertThat(selectOne(fresh)).as("a new session on the database").isEqualTo(1);
            }
        }
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
