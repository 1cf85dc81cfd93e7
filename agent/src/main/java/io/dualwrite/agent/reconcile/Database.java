package io.dualwrite.agent.reconcile;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One of the two databases being reconciled, as the commands reach it: straight through its driver, each
 * command opening the few connections it needs. {@link #toString()} is the URL with its secrets masked.
 */
public final class Database {

    private final String role;
    private final Driver driver;
    private final String url;
    private final String redactedUrl;
    private final Properties properties;
    private final Dialect dialect;
    private volatile SqlNames names;

    /**
     * @param role        "primary" or "secondary", for messages
     * @param redactedUrl the URL with its secrets masked, for messages
     */
    public Database(String role, Driver driver, String url, String redactedUrl, Properties properties) {
        this.role = role;
        this.driver = driver;
        this.url = url;
        this.redactedUrl = redactedUrl;
        this.dialect = Dialect.of(url);
        this.properties = new Properties();
        this.properties.putAll(properties);
        dialect.adjust(this.properties);
    }

    /** An auto-commit connection. */
    public Connection open() throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver " + driver.getClass().getName() + " does not accept the " + role
                    + " URL " + redactedUrl, "08001");
        }
        if (names == null) {
            names = new SqlNames(connection.getMetaData().getIdentifierQuoteString());
        }
        return connection;
    }

    /** How this database quotes identifiers, learnt from its first connection. */
    SqlNames names() throws SQLException {
        if (names == null) {
            open().close();
        }
        return names;
    }

    /**
     * Why repair and backfill cannot write into this database, or null when they can: they write only into the
     * databases whose way of skipping an existing key they know.
     */
    public String unwritable() {
        return dialect.writable() ? null : "the " + role + " " + redactedUrl + " is not PostgreSQL, MariaDB or "
                + "MySQL: repair and backfill write into those only (verify compares any)";
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return redactedUrl;
    }
}
