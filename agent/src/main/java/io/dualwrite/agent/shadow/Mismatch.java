package io.dualwrite.agent.shadow;

/**
 * The first difference found between the primary's and the secondary's result of one query. Values are shown
 * normalised (as compared), null for SQL NULL or where the kind has no value.
 */
public final class Mismatch {

    public enum Kind {
        /** The results have different numbers of columns; the values are the two counts. */
        COLUMN_COUNT,
        /** A row of the primary differs from its counterpart on the secondary in {@link #column()}. */
        VALUE,
        /** A row of the primary has no counterpart on the secondary; the primary value is the whole row. */
        ROW_MISSING_ON_SECONDARY,
        /** A row of the secondary has no counterpart on the primary; the secondary value is the whole row. */
        ROW_EXTRA_ON_SECONDARY
    }

    private final Kind kind;
    private final int row;
    private final String column;
    private final String primaryValue;
    private final String secondaryValue;
    private final int primaryRows;
    private final int secondaryRows;

    public Mismatch(Kind kind, int row, String column, String primaryValue, String secondaryValue, int primaryRows,
                    int secondaryRows) {
        this.kind = kind;
        this.row = row;
        this.column = column;
        this.primaryValue = primaryValue;
        this.secondaryValue = secondaryValue;
        this.primaryRows = primaryRows;
        this.secondaryRows = secondaryRows;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The row, 0-based, in the primary's order (in the secondary's for {@link Kind#ROW_EXTRA_ON_SECONDARY});
     * -1 for {@link Kind#COLUMN_COUNT}.
     */
    public int row() {
        return row;
    }

    /** The column's label (both labels when they differ beyond case), or null when no single column differs. */
    public String column() {
        return column;
    }

    public String primaryValue() {
        return primaryValue;
    }

    public String secondaryValue() {
        return secondaryValue;
    }

    public int primaryRows() {
        return primaryRows;
    }

    public int secondaryRows() {
        return secondaryRows;
    }

    /** Without the values, which may be the application's data. */
    @Override
    public String toString() {
        return kind + " at row " + row + (column != null ? " column " + column : "") + " (" + primaryRows
                + " rows on the primary, " + secondaryRows + " on the secondary)";
    }
}
