package io.dualwrite.agent.translate;

import java.util.Locale;

/** The SQL dialect of a database, told from its JDBC URL: what translation between the two sides must change. */
public enum SqlDialect {
    POSTGRESQL("PostgreSQL", false),
    /** MariaDB and MySQL, which read a backslash in a string literal as an escape. */
    MYSQL("MariaDB/MySQL", true),
    /** Any other database: its statements are sent as written. */
    OTHER("unknown", false);

    private final String displayName;
    private final boolean backslashEscapes;

    SqlDialect(String displayName, boolean backslashEscapes) {
        this.displayName = displayName;
        this.backslashEscapes = backslashEscapes;
    }

    /** The dialect of a JDBC URL, or of a URL pattern whose driver part is written out ({@code jdbc:mariadb:*}). */
    public static SqlDialect ofUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        return OTHER;
    }

    /** Whether a backslash in a string literal escapes the next character. */
    public boolean backslashEscapes() {
        return backslashEscapes;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
