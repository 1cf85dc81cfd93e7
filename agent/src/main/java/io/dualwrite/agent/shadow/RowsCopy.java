package io.dualwrite.agent.shadow;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A bounded copy of a query's result, held after the result set is gone: the columns' labels, JDBC types and
 * fractional-second precisions, and at most {@code maxRows} rows of {@link ValueNormalizer normalised} values.
 * A result with more rows is only marked {@link #overLimit()}: comparing part of it would say nothing. The
 * thread reading the result set only copies the values; they are normalised when first asked for, by the thread
 * that compares, so that a shadowed read costs the application no more than the copy.
 */
public final class RowsCopy {

    /** Fractional-second digits assumed for a time column whose driver does not tell (microseconds, as both keep). */
    static final int DEFAULT_TEMPORAL_PRECISION = 6;

    private final List<String> labels;
    private final int[] types;
    private final int[] precisions;
    private final List<Object[]> rows;
    private final boolean overLimit;
    private boolean normalised;

    private RowsCopy(List<String> labels, int[] types, int[] precisions, List<Object[]> rows, boolean overLimit) {
        this.labels = labels;
        this.types = types;
        this.precisions = precisions;
        this.rows = rows;
        this.overLimit = overLimit;
    }

    /** A copy of the result described by {@code md}, to be filled row by row as the result set is read. */
    public static Builder builder(ResultSetMetaData md, int maxRows) throws SQLException {
        int count = md.getColumnCount();
        List<String> labels = new ArrayList<>(count);
        int[] types = new int[count];
        int[] precisions = new int[count];
        for (int i = 0; i < count; i++) {
            labels.add(md.getColumnLabel(i + 1));
            types[i] = md.getColumnType(i + 1);
            precisions[i] = precision(md, i + 1, types[i]);
        }
        return new Builder(labels, types, precisions, maxRows);
    }

    /**
     * A copy of columns described directly, for results that are not read through JDBC (and for tests).
     *
     * @param types JDBC types ({@link Types}), one per label
     * @param precisions fractional-second digits of time columns (the scale of others), one per label
     */
    public static Builder builder(List<String> labels, int[] types, int[] precisions, int maxRows) {
        if (types.length != labels.size() || precisions.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels, " + types.length + " types, "
                    + precisions.length + " precisions");
        }
        return new Builder(new ArrayList<>(labels), types.clone(), precisions.clone(), maxRows);
    }

    /** Copies the rest of {@code rs} up to {@code maxRows} rows, reading one more to know whether there are more. */
    public static RowsCopy readAll(ResultSet rs, int maxRows) throws SQLException {
        Builder builder = builder(rs.getMetaData(), maxRows);
        while (rs.next() && builder.addRow(rs)) {
            // addRow copies
        }
        return builder.build();
    }

    /**
     * Drivers disagree on what getScale means for time columns: PostgreSQL and MariaDB give the fractional
     * digits, MySQL's driver gives 0 whatever they are. A 0 is therefore checked against the column's display
     * length ({@code yyyy-MM-dd HH:mm:ss[.ffffff]}, which MariaDB and MySQL report as precision) and otherwise
     * taken for "unknown".
     */
    public static int precision(ResultSetMetaData md, int column, int type) {
        int scale;
        try {
            scale = md.getScale(column);
        } catch (SQLException | RuntimeException e) {
            scale = -1;
        }
        if (!ValueNormalizer.isFractionalTemporalType(type)) {
            return Math.max(scale, 0);
        }
        if (scale > 0) {
            return Math.min(scale, ValueNormalizer.FULL_PRECISION);
        }
        int whole = type == Types.TIMESTAMP ? 19 : type == Types.TIME ? 8 : -1;
        if (whole > 0) {
            try {
                int length = md.getPrecision(column);
                if (length == whole) {
                    return 0;
                }
                if (length > whole + 1 && length <= whole + 1 + ValueNormalizer.FULL_PRECISION) {
                    return length - whole - 1;
                }
            } catch (SQLException | RuntimeException e) {
                // unknown: the default below
            }
        }
        return DEFAULT_TEMPORAL_PRECISION;
    }

    public int columnCount() {
        return labels.size();
    }

    /** The label of a column, 0-based. */
    public String label(int column) {
        return labels.get(column);
    }

    /** The JDBC type ({@link Types}) of a column, 0-based. */
    public int type(int column) {
        return types[column];
    }

    /** The fractional-second digits of a time column (the scale of others), 0-based. */
    public int precision(int column) {
        return precisions[column];
    }

    /** The fractional-second digits a column limits its values to: {@link ValueNormalizer#FULL_PRECISION} unless a time column. */
    int fractionDigits(int column) {
        return ValueNormalizer.isFractionalTemporalType(types[column]) ? precisions[column]
                : ValueNormalizer.FULL_PRECISION;
    }

    /** The rows kept: all of them unless {@link #overLimit()}. */
    public int rowCount() {
        return rows.size();
    }

    /** Whether the result had more rows than were to be kept. */
    public boolean overLimit() {
        return overLimit;
    }

    /** The normalised values of a row, 0-based. */
    public List<Object> row(int row) {
        return Collections.unmodifiableList(Arrays.asList(normalisedRows().get(row)));
    }

    Object value(int row, int column) {
        return normalisedRows().get(row)[column];
    }

    private List<Object[]> normalisedRows() {
        if (!normalised) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = ValueNormalizer.normalize(row[i], types[i]);
                }
            }
            normalised = true;
        }
        return rows;
    }

    /** Collects the rows of one result. Not thread-safe: it is filled by the thread reading the result set. */
    public static final class Builder {

        private final List<String> labels;
        private final int[] types;
        private final int[] precisions;
        private final int maxRows;
        private final List<Object[]> rows = new ArrayList<>();
        private boolean overLimit;

        private Builder(List<String> labels, int[] types, int[] precisions, int maxRows) {
            if (maxRows < 0) {
                throw new IllegalArgumentException("maxRows " + maxRows);
            }
            this.labels = Collections.unmodifiableList(labels);
            this.types = types;
            this.precisions = precisions;
            this.maxRows = maxRows;
        }

        /**
         * Copies the row {@code rs} is on, reading large objects and streams now, while they can still be read.
         *
         * @return false once more than maxRows rows were offered: the copy is then over its limit and keeps no more
         */
        public boolean addRow(ResultSet rs) throws SQLException {
            if (!roomForAnother()) {
                return false;
            }
            Object[] row = new Object[types.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = materialize(rs.getObject(i + 1));
            }
            rows.add(row);
            return true;
        }

        /** Adds a row of values as a driver's getObject would return them; false as {@link #addRow(ResultSet)}. */
        public boolean addValues(Object... values) {
            if (values.length != types.length) {
                throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
            }
            if (!roomForAnother()) {
                return false;
            }
            Object[] row = new Object[types.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = values[i];
            }
            rows.add(row);
            return true;
        }

        private boolean roomForAnother() {
            if (rows.size() >= maxRows) {
                overLimit = true;
            }
            return !overLimit;
        }

        public RowsCopy build() {
            return new RowsCopy(labels, types, precisions, Collections.unmodifiableList(rows),
                    overLimit);
        }
    }

    /** The content of a value that is only a handle into the result set (a LOB, an array, a stream). */
    public static Object materialize(Object value) throws SQLException {
        if (value instanceof Blob) {
            Blob blob = (Blob) value;
            long length = blob.length();
            if (length > Integer.MAX_VALUE) {
                throw new SQLException("a blob of " + length + " bytes is too large to compare");
            }
            return blob.getBytes(1, (int) length);
        }
        if (value instanceof Clob) {
            // NClob is a Clob
            Clob clob = (Clob) value;
            long length = clob.length();
            if (length > Integer.MAX_VALUE) {
                throw new SQLException("a clob of " + length + " characters is too large to compare");
            }
            return clob.getSubString(1, (int) length);
        }
        if (value instanceof SQLXML) {
            return ((SQLXML) value).getString();
        }
        if (value instanceof Array) {
            return elements(((Array) value).getArray());
        }
        if (value instanceof InputStream) {
            try (InputStream in = (InputStream) value) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new SQLException("cannot read a stream value: " + e.getMessage(), e);
            }
        }
        if (value instanceof Reader) {
            try (Reader in = (Reader) value) {
                StringWriter out = new StringWriter();
                in.transferTo(out);
                return out.toString();
            } catch (IOException e) {
                throw new SQLException("cannot read a character stream value: " + e.getMessage(), e);
            }
        }
        return value;
    }

    /** An array's elements as a List, nested arrays (of objects or primitives) as Lists in turn. */
    private static Object elements(Object array) throws SQLException {
        if (array == null || !array.getClass().isArray()) {
            return materialize(array);
        }
        if (array instanceof byte[]) {
            return array;
        }
        int length = java.lang.reflect.Array.getLength(array);
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(elements(java.lang.reflect.Array.get(array, i)));
        }
        return elements;
    }
}
