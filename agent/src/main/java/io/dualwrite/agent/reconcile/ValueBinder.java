package io.dualwrite.agent.reconcile;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Binds a value read from one database to a column of the other, as a bound parameter. Most values go as they
 * are; the exceptions are the types the two drivers map differently: a UUID or a JSON document is text on
 * MariaDB and a type of its own on PostgreSQL, a flag is a boolean on one and a number on the other.
 */
final class ValueBinder {

    private ValueBinder() {
    }

    static void bind(PreparedStatement statement, int index, Object value, Column target, Dialect dialect)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, target.sqlType);
        } else if (value instanceof Boolean && isExactNumeric(target.sqlType)) {
            statement.setInt(index, (Boolean) value ? 1 : 0);
        } else if (value instanceof Number && isBoolean(target)) {
            statement.setBoolean(index, ((Number) value).intValue() != 0);
        } else if (dialect == Dialect.POSTGRESQL && (target.sqlType == Types.OTHER || isEnum(target))) {
            // uuid, json, inet, enums...: PostgreSQL casts text sent as "unspecified" to the column's type
            statement.setObject(index, value.toString(), Types.OTHER);
        } else if (value instanceof UUID && dialect != Dialect.POSTGRESQL) {
            statement.setString(index, value.toString());
        } else if (value instanceof List) {
            throw new SQLException("column " + target.name + ": array values cannot be written by the reconciling "
                    + "commands; leave the column out with --ignore-columns");
        } else if (isText(target.sqlType) && !(value instanceof String)) {
            // PostgreSQL's json, interval and the like arrive as driver objects that print their value
            statement.setString(index, value.toString());
        } else {
            statement.setObject(index, value);
        }
    }

    /** PostgreSQL reports an enum column as VARCHAR under the enum's own type name; text is refused there. */
    private static boolean isEnum(Column target) {
        if (target.sqlType != Types.VARCHAR) {
            return false;
        }
        switch (target.typeName.toLowerCase(Locale.ROOT)) {
            case "varchar":
            case "text":
            case "bpchar":
            case "char":
            case "name":
            case "citext":
                return false;
            default:
                return true;
        }
    }

    static boolean isExactNumeric(int sqlType) {
        switch (sqlType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.DECIMAL:
            case Types.NUMERIC:
                return true;
            default:
                return false;
        }
    }

    private static boolean isBoolean(Column target) {
        return target.sqlType == Types.BOOLEAN
                || target.sqlType == Types.BIT && target.typeName.toLowerCase(Locale.ROOT).startsWith("bool");
    }

    private static boolean isText(int sqlType) {
        switch (sqlType) {
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
                return true;
            default:
                return false;
        }
    }
}
