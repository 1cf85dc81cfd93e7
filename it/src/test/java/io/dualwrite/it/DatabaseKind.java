package io.dualwrite.it;

/** The kinds of database the integration tests mirror between. */
public enum DatabaseKind {
    POSTGRESQL("PostgreSQL"),
    MARIADB("MariaDB"),
    H2("H2");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
