package io.dualwrite.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL or MariaDB server reached through an administrative JDBC URL; it creates and drops the
 * tests' databases with plain SQL.
 */
final class NetworkDatabaseServer extends DatabaseServer {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String origin;

    NetworkDatabaseServer(DatabaseKind kind, String adminUrl, String user, String password, String origin) {
        super(kind);
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    Connection connectAdmin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        if (kind() == DatabaseKind.POSTGRESQL) {
            props.setProperty("connectTimeout", "5");
        } else {
            props.setProperty("connectTimeout", "5000");
        }
        return DriverManager.getConnection(adminUrl, props);
    }

    @Override
    public TestDatabase createDatabase() {
        String name = newDatabaseName();
        String sql = kind() == DatabaseKind.MARIADB
                ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                : "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0";
        try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("could not create database " + name + " on " + this + ": " + e, e);
        }
        return new TestDatabase(this, name, urlOf(name), user, password);
    }

    @Override
    void drop(TestDatabase database) {
        try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
            if (kind() == DatabaseKind.POSTGRESQL) {
                try {
                    s.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
                } catch (SQLException olderThan13) {
                    s.execute("DROP DATABASE IF EXISTS " + database.name());
                }
            } else {
                s.execute("DROP DATABASE IF EXISTS " + database.name());
            }
        } catch (SQLException e) {
            System.err.println("[it] could not drop " + database + ": " + e);
        }
    }

    @Override
    public String urlOf(String databaseName) {
        return JdbcUrls.withDatabase(adminUrl, databaseName);
    }

    @Override
    public String origin() {
        return origin;
    }
}
