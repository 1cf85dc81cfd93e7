package io.dualwrite.agent.reconcile;

import java.util.Locale;
import java.util.Properties;

/**
 * What differs between the databases the reconciling commands write to: how an insert skips a row whose key is
 * there already (never overwriting it), and what a connection needs for its update counts to count inserted rows
 * only. Reading needs nothing of this: keyset pagination and key lookups are plain SQL on every database here.
 */
enum Dialect {

    POSTGRESQL {
        @Override
        String skipExisting(String keyColumn) {
            return " ON CONFLICT DO NOTHING";
        }
    },
    /** MariaDB and MySQL: a no-op update, not INSERT IGNORE, which would also turn bad values into warnings. */
    MYSQL {
        @Override
        String skipExisting(String keyColumn) {
            return " ON DUPLICATE KEY UPDATE " + keyColumn + " = " + keyColumn;
        }

        /** Else a duplicate counts as a found row, and "copied" would count rows that were there already. */
        @Override
        void adjust(Properties properties) {
            properties.setProperty("useAffectedRows", "true");
        }
    },
    /** Only in its PostgreSQL mode, as the commands' unit tests use it. */
    H2 {
        @Override
        String skipExisting(String keyColumn) {
            return " ON CONFLICT DO NOTHING";
        }
    },
    OTHER {
        @Override
        String skipExisting(String keyColumn) {
            throw new UnsupportedOperationException("writing is supported into PostgreSQL, MariaDB and MySQL only");
        }
    };

    /**
     * The clause after {@code INSERT ... VALUES ...} that leaves a row whose key exists as it is.
     *
     * @param keyColumn a column of the key, quoted
     */
    abstract String skipExisting(String keyColumn);

    /** Connection properties this database needs for the commands, added to the configured ones. */
    void adjust(Properties properties) {
    }

    boolean writable() {
        return this != OTHER;
    }

    /** From the JDBC URL, known before connecting so that {@link #adjust} can apply to the first connection. */
    static Dialect of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        if (lower.startsWith("jdbc:h2:") && lower.contains("mode=postgresql")) {
            return H2;
        }
        return OTHER;
    }
}
