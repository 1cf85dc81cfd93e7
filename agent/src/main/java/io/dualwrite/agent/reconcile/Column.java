package io.dualwrite.agent.reconcile;

/**
 * A column as one side has it: its name there, its JDBC type and type name, and the digits its values are
 * compared to (fractional seconds of a time column, as {@link io.dualwrite.agent.shadow.RowsCopy} reads them).
 */
final class Column {

    final String name;
    final int sqlType;
    final String typeName;
    final int digits;
    final boolean nullable;

    Column(String name, int sqlType, String typeName, int digits, boolean nullable) {
        this.name = name;
        this.sqlType = sqlType;
        this.typeName = typeName;
        this.digits = digits;
        this.nullable = nullable;
    }

    @Override
    public String toString() {
        return name + " " + typeName;
    }
}
