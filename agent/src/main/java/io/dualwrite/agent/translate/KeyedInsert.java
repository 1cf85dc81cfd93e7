package io.dualwrite.agent.translate;

import io.dualwrite.agent.capture.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Turns an INSERT that lets the primary generate its key into one that names the key and binds the value the
 * primary generated, in the primary's own dialect: {@code INSERT INTO t (name) VALUES (?)} with key {@code id}
 * becomes {@code INSERT INTO t (name, id) VALUES (?, ?)}, the key one more bound value per row. The journal keeps
 * this form, and the secondary's translation starts from it like from any other write. Each distinct text is
 * planned once and cached.
 */
public final class KeyedInsert {

    private static final Pattern PLAIN_POSTGRESQL = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern PLAIN_MYSQL = Pattern.compile("[A-Za-z0-9_$]*[A-Za-z_$][A-Za-z0-9_$]*");

    private final SqlDialect dialect;

    /**
     * @param dialect the primary's dialect, in which the keyed statement is written
     */
    public KeyedInsert(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The plan for {@code sql}, an INSERT into a table whose generated key columns are {@code keys} (as the
     * database names them). Parses the statement: callers cache the plan per text.
     */
    public Plan plan(String sql, List<String> keys) {
        try {
            return keyed(sql, keys);
        } catch (CannotTranslate e) {
            return Plan.uncarriable(keys, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Plan.uncarriable(keys, "the statement could not be rewritten to carry its keys (" + e + ")");
        }
    }

    private Plan keyed(String sql, List<String> keys) {
        String named = Placeholders.name(sql, dialect);
        int primaryParameters = Placeholders.unname(named, dialect).sources.length;
        Statement parsed = SqlParsing.parse(named, dialect);
        if (!(parsed instanceof Insert)) {
            throw new CannotTranslate("it is not a single INSERT, so the keys the primary generated cannot be "
                    + "matched to its rows");
        }
        Insert insert = (Insert) parsed;
        if (names(insert.getColumns(), keys) || insert.isUseSet() && namesInSet(insert, keys)) {
            return Plan.unchanged(keys);
        }
        if (insert.getReturningClause() != null) {
            throw new CannotTranslate("it has a RETURNING clause of its own; the agent reads keys only through "
                    + "getGeneratedKeys()");
        }
        if (dialect == SqlDialect.MYSQL && (insert.isUseDuplicate() || insert.isModifierIgnore())) {
            throw new CannotTranslate("the key MariaDB/MySQL reports for INSERT IGNORE or ON DUPLICATE KEY UPDATE "
                    + "does not say which rows it inserted");
        }
        KeySlots slots = new KeySlots(primaryParameters, keys.size());
        int rows;
        if (insert.isUseSet()) {
            for (String key : keys) {
                insert.getSetUpdateSets().add(new UpdateSet(column(key), slots.next()));
            }
            rows = 1;
        } else if (insert.isOnlyDefaultValues()) {
            insert.setOnlyDefaultValues(false);
            insert.setColumns(new ExpressionList<>());
            addColumns(insert, keys);
            ParenthesedExpressionList<Expression> row = new ParenthesedExpressionList<>();
            slots.addRow(row);
            insert.setSelect(new Values(row));
            rows = 1;
        } else if (insert.getColumns() == null) {
            // every column is given, the key's too (its value may be DEFAULT: see the documented limits)
            return Plan.unchanged(keys);
        } else if (insert.getSelect() instanceof Values) {
            addColumns(insert, keys);
            rows = addKeysToRows((Values) insert.getSelect(), slots);
        } else {
            throw new CannotTranslate("INSERT ... SELECT: the keys the primary generated cannot be matched to the "
                    + "rows of a query");
        }
        Placeholders.Unnamed printed = Placeholders.unname(insert.toString(), dialect);
        return Plan.keyed(keys, printed.sql, printed.sources, primaryParameters, rows,
                insert.getConflictAction() != null);
    }

    @SuppressWarnings("unchecked")
    private static int addKeysToRows(Values values, KeySlots slots) {
        ExpressionList<?> expressions = values.getExpressions();
        if (expressions instanceof ParenthesedExpressionList) {
            slots.addRow((ExpressionList<Expression>) expressions);
            return 1;
        }
        for (Expression row : expressions) {
            if (!(row instanceof ExpressionList)) {
                throw new CannotTranslate("a row of its VALUES is not a list of values (" + row + ")");
            }
            slots.addRow((ExpressionList<Expression>) row);
        }
        return expressions.size();
    }

    private void addColumns(Insert insert, List<String> keys) {
        for (String key : keys) {
            insert.getColumns().add(column(key));
        }
    }

    private Column column(String key) {
        return new Column(quoted(key));
    }

    /** The key column's name, quoted only when the dialect would read it otherwise unquoted. */
    String quoted(String key) {
        if (dialect == SqlDialect.MYSQL) {
            return PLAIN_MYSQL.matcher(key).matches() ? key : "`" + key.replace("`", "``") + "`";
        }
        return PLAIN_POSTGRESQL.matcher(key).matches() ? key : "\"" + key.replace("\"", "\"\"") + "\"";
    }

    private static boolean names(ExpressionList<Column> columns, List<String> keys) {
        if (columns == null) {
            return false;
        }
        for (Column column : columns) {
            if (isKey(column, keys)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesInSet(Insert insert, List<String> keys) {
        for (UpdateSet set : insert.getSetUpdateSets()) {
            if (names(set.getColumns(), keys)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKey(Column column, List<String> keys) {
        String name = unquote(column.getColumnName());
        for (String key : keys) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String name) {
        int n = name.length();
        if (n >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`') && name.charAt(n - 1) == name.charAt(0)) {
            return name.substring(1, n - 1);
        }
        return name;
    }

    /** Hands out the placeholders of the keys: numbered after the primary's own, one per key per row. */
    private static final class KeySlots {
        private final int primaryParameters;
        private final int keysPerRow;
        private int next;

        KeySlots(int primaryParameters, int keysPerRow) {
            this.primaryParameters = primaryParameters;
            this.keysPerRow = keysPerRow;
        }

        JdbcNamedParameter next() {
            return new JdbcNamedParameter(Placeholders.primaryName(primaryParameters + ++next));
        }

        void addRow(ExpressionList<Expression> row) {
            for (int k = 0; k < keysPerRow; k++) {
                row.add(next());
            }
        }
    }

    /** What the mirror does with the INSERTs of one SQL text. Immutable. */
    public static final class Plan {

        /** What becomes of the statement. */
        public enum Kind {
            /** It names the key itself: mirrored as written. */
            UNCHANGED,
            /** Mirrored with the keys the primary generated. */
            KEYED,
            /** The keys cannot be carried: it fails on the secondary with {@link #reason()}. */
            UNCARRIABLE
        }

        private final Kind kind;
        private final List<String> keys;
        private final String reason;
        private final String sql;
        private final int[] sources;
        private final int primaryParameters;
        private final int rows;
        private final boolean conflictClause;

        private Plan(Kind kind, List<String> keys, String reason, String sql, int[] sources, int primaryParameters,
                int rows, boolean conflictClause) {
            this.kind = kind;
            this.keys = List.copyOf(keys);
            this.reason = reason;
            this.sql = sql;
            this.sources = sources;
            this.primaryParameters = primaryParameters;
            this.rows = rows;
            this.conflictClause = conflictClause;
        }

        static Plan unchanged(List<String> keys) {
            return new Plan(Kind.UNCHANGED, keys, null, null, null, 0, 0, false);
        }

        static Plan uncarriable(List<String> keys, String reason) {
            return new Plan(Kind.UNCARRIABLE, keys, reason, null, null, 0, 0, false);
        }

        static Plan keyed(List<String> keys, String sql, int[] sources, int primaryParameters, int rows,
                boolean conflictClause) {
            return new Plan(Kind.KEYED, keys, null, sql, sources, primaryParameters, rows, conflictClause);
        }

        public Kind kind() {
            return kind;
        }

        /** The key columns the statement was planned for, as the database names them. */
        public List<String> keys() {
            return keys;
        }

        /** Why the keys cannot be carried, for {@link Kind#UNCARRIABLE}. */
        public String reason() {
            return reason;
        }

        /** The keyed statement, in the primary's dialect, for {@link Kind#KEYED}. */
        public String sql() {
            return sql;
        }

        /** The rows one execution inserts: the keys it needs are this times the number of key columns. */
        public int rows() {
            return rows;
        }

        /** Whether it has an ON CONFLICT clause: a row it skips returns no key. */
        public boolean hasConflictClause() {
            return conflictClause;
        }

        /**
         * The values of one execution for the keyed statement: the primary's, then the keys.
         *
         * @param keys this execution's keys, row by row and within a row in the order of {@link #keys()}
         */
        public Parameter[] bind(Parameter[] primary, List<Object> keys) {
            Parameter[] values = new Parameter[sources.length];
            for (int i = 0; i < sources.length; i++) {
                int source = sources[i];
                if (source > primaryParameters) {
                    values[i] = Parameter.constant(i + 1, keys.get(source - primaryParameters - 1));
                } else {
                    Parameter value = source <= primary.length ? primary[source - 1] : null;
                    values[i] = value == null ? null : value.at(i + 1);
                }
            }
            return values;
        }

        @Override
        public String toString() {
            return kind == Kind.KEYED ? sql : kind == Kind.UNCARRIABLE ? "uncarriable: " + reason
                    : kind.name().toLowerCase(Locale.ROOT);
        }
    }
}
