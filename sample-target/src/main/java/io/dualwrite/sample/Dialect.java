package io.dualwrite.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the sample knows how to talk to. */
public enum Dialect {
    POSTGRESQL("PostgreSQL"), MARIADB("MariaDB"), H2("H2");

    private final String displayName;

    Dialect(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (lower.contains("mariadb") || lower.contains("mysql")) {
            return MARIADB;
        }
        if (lower.equals("h2")) {
            return H2;
        }
        throw new SQLException("unsupported database: " + product);
    }
}
