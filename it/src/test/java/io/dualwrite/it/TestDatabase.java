package io.dualwrite.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One database that a test created for itself ({@code dw_it_<random>}); closing it drops it. Gives the
 * JDBC URL and the credentials the forked application and the agent's configuration use.
 */
public final class TestDatabase implements AutoCloseable {

    private final DatabaseServer server;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private boolean dropped;

    TestDatabase(DatabaseServer server, String name, String url, String user, String password) {
        this.server = server;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public DatabaseKind kind() {
        return server.kind();
    }

    public DatabaseServer server() {
        return server;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(url, props);
    }

    /** The description used in assertion messages, e.g. {@code PostgreSQL dw_it_ab12cd34}. */
    public String describe() {
        return kind().displayName() + " " + name;
    }

    @Override
    public String toString() {
        return describe() + " (" + url + ")";
    }

    /** Drops the database, unless DUALWRITE_IT_KEEP_DATABASES is set (to look at it after a failure). */
    @Override
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            if (System.getenv("DUALWRITE_IT_KEEP_DATABASES") != null) {
                System.err.println("[it] DUALWRITE_IT_KEEP_DATABASES is set: keeping " + this);
                return;
            }
            server.drop(this);
        }
    }
}
