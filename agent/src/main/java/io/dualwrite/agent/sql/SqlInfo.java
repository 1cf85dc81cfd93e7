package io.dualwrite.agent.sql;

import java.util.Objects;

/** The immutable result of classifying one SQL text: its kind, deciding verb and target table. */
public final class SqlInfo {

    private final SqlKind kind;
    private final String verb;
    private final String table;

    /**
     * @param kind  the kind, not null
     * @param verb  the upper-case keyword that decided the kind; null is taken as the empty string
     * @param table the target table, unquoted and qualified as written, or null when unknown
     */
    public SqlInfo(SqlKind kind, String verb, String table) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.verb = verb == null ? "" : verb;
        this.table = table;
    }

    /** The kind of statement. */
    public SqlKind kind() {
        return kind;
    }

    /**
     * The upper-case keyword that decided the kind (INSERT, CREATE, CALL, SELECT, SET, ...). For a WITH statement
     * that modifies data it is the data-modifying keyword (INSERT, UPDATE, DELETE or MERGE), for a read-only WITH
     * statement SELECT. Never null; empty when the text has no leading keyword (empty, comment-only, garbage).
     */
    public String verb() {
        return verb;
    }

    /**
     * The target table without its quotes, schema- or catalog-qualified as written and in the case written
     * ({@code public.orders}, {@code Orders}); null when unknown or not applicable.
     */
    public String table() {
        return table;
    }

    /** Whether a statement of this kind is mirrored: every WRITE, and DDL when {@code ddl} is true. */
    public boolean isMirrorable(boolean ddl) {
        return kind == SqlKind.WRITE || (ddl && kind == SqlKind.DDL);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SqlInfo)) {
            return false;
        }
        SqlInfo other = (SqlInfo) o;
        return kind == other.kind && verb.equals(other.verb) && Objects.equals(table, other.table);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + verb.hashCode()) * 31 + Objects.hashCode(table);
    }

    @Override
    public String toString() {
        return "SqlInfo{kind=" + kind + ", verb=" + verb + ", table=" + table + '}';
    }
}
