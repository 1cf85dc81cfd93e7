package io.dualwrite.agent.keys;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;

/**
 * Generated keys the agent read from the driver, handed to the application in their place: a forward-only,
 * read-only result set over the copied rows, with the driver's own metadata. A dynamic proxy: of the interface's
 * some 190 methods, the ones a caller of {@code getGeneratedKeys()} uses are answered, the rest refused.
 */
final class KeysResultSet implements InvocationHandler {

    private static final ResultSetMetaData NO_COLUMNS = (ResultSetMetaData) Proxy.newProxyInstance(
            KeysResultSet.class.getClassLoader(), new Class<?>[] {ResultSetMetaData.class}, (self, method, args) -> {
                switch (method.getName()) {
                    case "getColumnCount":
                        return 0;
                    case "isWrapperFor":
                        return ((Class<?>) args[0]).isInstance(self);
                    case "equals":
                        return self == args[0];
                    case "hashCode":
                        return System.identityHashCode(self);
                    case "toString":
                        return "no columns";
                    default:
                        throw new SQLException("the result has no columns");
                }
            });

    private final List<String> labels;
    private final List<Object[]> rows;
    private final ResultSetMetaData metaData;
    private final WeakReference<Object> statement;
    private final ResultSet proxy;
    private int position;
    private boolean closed;
    private boolean lastWasNull;

    private KeysResultSet(List<String> labels, List<Object[]> rows, ResultSetMetaData metaData, Object statement) {
        this.labels = labels;
        this.rows = rows;
        this.metaData = metaData;
        this.statement = new WeakReference<>(statement);
        this.proxy = (ResultSet) Proxy.newProxyInstance(KeysResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, this);
    }

    /** The copied keys, as the application's statement {@code statement} gives them. */
    static ResultSet of(CopiedKeys keys, Object statement) {
        return new KeysResultSet(keys.labels(), keys.rows(), keys.metaData(), statement).proxy;
    }

    /** A result without columns or rows: what PostgreSQL's driver gives when no keys were asked for. */
    static ResultSet empty(Object statement) {
        return new KeysResultSet(List.of(), List.of(), NO_COLUMNS, statement).proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "generated keys (" + rows.size() + " rows)";
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(self)) {
                    return self;
                }
                throw new SQLException("not a wrapper for " + args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self);
            default:
                break;
        }
        open();
        switch (name) {
            case "next":
                if (position <= rows.size()) {
                    position++;
                }
                return position <= rows.size();
            case "wasNull":
                return lastWasNull;
            case "getMetaData":
                return metaData;
            case "findColumn":
                return column(args[0]) + 1;
            case "getStatement":
                return statement.get();
            case "getRow":
                return position >= 1 && position <= rows.size() ? position : 0;
            case "isBeforeFirst":
                return position == 0 && !rows.isEmpty();
            case "isAfterLast":
                return position > rows.size() && !rows.isEmpty();
            case "isFirst":
                return position == 1 && !rows.isEmpty();
            case "isLast":
                return position == rows.size() && !rows.isEmpty();
            case "getType":
                return ResultSet.TYPE_FORWARD_ONLY;
            case "getConcurrency":
                return ResultSet.CONCUR_READ_ONLY;
            case "getFetchDirection":
                return ResultSet.FETCH_FORWARD;
            case "getFetchSize":
                return 0;
            case "setFetchSize":
            case "clearWarnings":
                return null;
            case "setFetchDirection":
                if ((Integer) args[0] != ResultSet.FETCH_FORWARD) {
                    throw new SQLException("the result is forward only");
                }
                return null;
            case "getWarnings":
                return null;
            default:
                if (name.startsWith("get") && args != null && (args.length == 1 || args.length == 2)
                        && (args[0] instanceof Integer || args[0] instanceof String)) {
                    return get(name, value(args[0]), args.length == 2 ? args[1] : null);
                }
                throw new SQLFeatureNotSupportedException(name + " is not supported on the generated keys the "
                        + "dualwrite agent copied for the mirror");
        }
    }

    /** As PostgreSQL's driver says it, whose getGeneratedKeys() gives a closed result set again. */
    private void open() throws SQLException {
        if (closed) {
            throw new SQLException("This ResultSet is closed.", "55000");
        }
    }

    private int column(Object indexOrLabel) throws SQLException {
        if (indexOrLabel instanceof Integer) {
            int index = (Integer) indexOrLabel;
            if (index < 1 || index > labels.size()) {
                throw new SQLException("column index " + index + " is out of range (1 to " + labels.size() + ")");
            }
            return index - 1;
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase((String) indexOrLabel)) {
                return i;
            }
        }
        throw new SQLException("no column named " + indexOrLabel + " among " + labels);
    }

    private Object value(Object indexOrLabel) throws SQLException {
        int column = column(indexOrLabel);
        if (position < 1 || position > rows.size()) {
            throw new SQLException("the result set is not on a row");
        }
        Object value = rows.get(position - 1)[column];
        lastWasNull = value == null;
        return value;
    }

    private static Object get(String getter, Object value, Object second) throws SQLException {
        switch (getter) {
            case "getObject":
                return second instanceof Class ? as(value, (Class<?>) second) : value;
            case "getString":
            case "getNString":
                return value == null ? null : value.toString();
            case "getLong":
                return value == null ? 0L : number(value).longValue();
            case "getInt":
                return value == null ? 0 : number(value).intValue();
            case "getShort":
                return value == null ? (short) 0 : number(value).shortValue();
            case "getByte":
                return value == null ? (byte) 0 : number(value).byteValue();
            case "getDouble":
                return value == null ? 0d : number(value).doubleValue();
            case "getFloat":
                return value == null ? 0f : number(value).floatValue();
            case "getBigDecimal":
                return value == null ? null : new BigDecimal(number(value).toString());
            case "getBoolean":
                return value != null && number(value).doubleValue() != 0;
            default:
                return as(value, Object.class);
        }
    }

    private static Object as(Object value, Class<?> type) throws SQLException {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (type == Long.class) {
            return number(value).longValue();
        }
        if (type == Integer.class) {
            return number(value).intValue();
        }
        if (type == Short.class) {
            return number(value).shortValue();
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(number(value).toString());
        }
        if (type == BigInteger.class) {
            return new BigInteger(number(value).toString());
        }
        if (type == String.class) {
            return value.toString();
        }
        throw new SQLDataException("cannot convert " + value.getClass().getName() + " to " + type.getName());
    }

    private static Number number(Object value) throws SQLException {
        if (value instanceof Number) {
            return (Number) value;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new SQLDataException("not a number: " + value);
        }
    }
}
