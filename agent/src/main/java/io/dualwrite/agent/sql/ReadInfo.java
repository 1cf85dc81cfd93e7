package io.dualwrite.agent.sql;

import java.util.List;
import java.util.Objects;

/**
 * The immutable result of {@link ReadAnalyzer#analyze(String)}: whether a SQL text is a plain read that another
 * database may answer, the tables it reads, and whether its result is ordered.
 */
public final class ReadInfo {

    /** The reason given for a text that is no query at all. */
    static final String NOT_A_SELECT = "not a SELECT";
    /** The reason given for a WITH that writes: a write, not a read. */
    static final String DATA_MODIFYING_WITH = "data-modifying WITH";

    private final String notRoutableReason;
    private final List<String> tables;
    private final boolean tablesKnown;
    private final boolean ordered;

    /**
     * @param notRoutableReason null when routable, else a short reason
     * @param tables            the tables read, in order of first appearance (copied; null is empty)
     * @param tablesKnown       whether {@code tables} is sure to be complete
     * @param ordered           whether the outermost SELECT has an ORDER BY
     */
    public ReadInfo(String notRoutableReason, List<String> tables, boolean tablesKnown, boolean ordered) {
        this.notRoutableReason = notRoutableReason;
        this.tables = tables == null ? List.of() : List.copyOf(tables);
        this.tablesKnown = tablesKnown;
        this.ordered = ordered;
    }

    /**
     * Whether the text is a plain read that may be answered by another database: a SELECT, or a WITH whose main
     * statement is a SELECT and which modifies no data, without locking clause, INTO, session variable, call of a
     * function with side effects or depending on the session, and with only one statement.
     */
    public boolean routable() {
        return notRoutableReason == null;
    }

    /** Whether the text is a query (SELECT, or a WITH that writes nothing), routable or not: a read to count. */
    public boolean isSelect() {
        return !NOT_A_SELECT.equals(notRoutableReason) && !DATA_MODIFYING_WITH.equals(notRoutableReason);
    }

    /** Null when {@link #routable()}, else a short reason for logs ("FOR UPDATE", "calls nextval", ...). */
    public String notRoutableReason() {
        return notRoutableReason;
    }

    /**
     * The tables read (after FROM and JOIN, in subqueries and CTE bodies, not the CTEs themselves nor table
     * functions), unquoted and qualified as written, in order of first appearance, without duplicates.
     */
    public List<String> tables() {
        return tables;
    }

    /** False when the scan could not be sure that {@link #tables()} is complete: take the table set as unknown. */
    public boolean tablesKnown() {
        return tablesKnown;
    }

    /** Whether the outermost SELECT has an ORDER BY (not only in a subquery or a window). */
    public boolean ordered() {
        return ordered;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ReadInfo)) {
            return false;
        }
        ReadInfo other = (ReadInfo) o;
        return tablesKnown == other.tablesKnown && ordered == other.ordered
                && Objects.equals(notRoutableReason, other.notRoutableReason) && tables.equals(other.tables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(notRoutableReason, tables, tablesKnown, ordered);
    }

    @Override
    public String toString() {
        return "ReadInfo{" + (notRoutableReason == null ? "routable" : "not routable: " + notRoutableReason)
                + ", tables=" + tables + (tablesKnown ? "" : " (incomplete)") + ", ordered=" + ordered + '}';
    }
}
