package io.dualwrite.agent.config;

import java.util.Objects;

/** The {@code writes} section: how and which writes are mirrored. */
public final class WritesConfig {

    private static final WritesConfig DEFAULTS = new WritesConfig(WriteMode.SYNC, false, TableFilter.all());

    private final WriteMode mode;
    private final boolean ddl;
    private final TableFilter tables;

    public WritesConfig(WriteMode mode, boolean ddl, TableFilter tables) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.ddl = ddl;
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** The defaults: sync, no DDL, all tables. */
    public static WritesConfig defaults() {
        return DEFAULTS;
    }

    /** How writes are mirrored. */
    public WriteMode mode() {
        return mode;
    }

    /** Whether DDL statements (CREATE, ALTER, DROP, ...) are mirrored too. */
    public boolean ddl() {
        return ddl;
    }

    /** Which tables have their writes mirrored. */
    public TableFilter tables() {
        return tables;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WritesConfig)) {
            return false;
        }
        WritesConfig other = (WritesConfig) o;
        return mode == other.mode && ddl == other.ddl && tables.equals(other.tables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, ddl, tables);
    }

    /** For example {@code sync, ddl off, tables include [*] exclude []}. */
    @Override
    public String toString() {
        return mode.yamlName() + ", ddl " + (ddl ? "on" : "off") + ", tables " + tables;
    }
}
