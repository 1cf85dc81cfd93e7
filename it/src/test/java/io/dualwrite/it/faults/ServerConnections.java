package io.dualwrite.it.faults;

import io.dualwrite.it.DatabaseKind;
import io.dualwrite.it.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills, from the server's side, the sessions other clients hold to one test database: what an operator's
 * {@code KILL CONNECTION} (MariaDB) or {@code pg_terminate_backend} (PostgreSQL), a failover or an idle-session
 * reaper does to an application's connections. Only sessions whose current database is the test database are
 * touched, so other tests' and other developers' sessions on the same server are left alone.
 */
public final class ServerConnections {

    private ServerConnections() {
    }

    /** Kills every other session on the database and returns how many; the killer's own session survives. */
    public static int killAll(TestDatabase db) {
        try (Connection c = db.connect()) {
            if (db.kind() == DatabaseKind.MARIADB) {
                return killMariadb(c, db.name());
            }
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                return terminatePostgresql(c, db.name());
            }
            throw new IllegalArgumentException("no server-side kill for " + db.kind().displayName());
        } catch (SQLException e) {
            throw new AssertionError("could not kill the sessions on " + db + ": " + e, e);
        }
    }

    /** The number of other sessions on the database right now. */
    public static int count(TestDatabase db) {
        String sql = db.kind() == DatabaseKind.MARIADB
                ? "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()";
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, db.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not count the sessions on " + db + ": " + e, e);
        }
    }

    private static int killMariadb(Connection c, String database) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        int killed = 0;
        try (Statement st = c.createStatement()) {
            for (long id : ids) {
                try {
                    st.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException gone) {
                    // 1094 "Unknown thread id": it ended between the listing and the kill
                    if (gone.getErrorCode() != 1094) {
                        throw gone;
                    }
                }
            }
        }
        return killed;
    }

    private static int terminatePostgresql(Connection c, String database) throws SQLException {
        int killed = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // false: the backend ended on its own meanwhile
                    if (rs.getBoolean(1)) {
                        killed++;
                    }
                }
            }
        }
        return killed;
    }
}
