package io.dualwrite.agent.translate;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.expression.Expression;

/**
 * PostgreSQL's {@code ON CONFLICT} against MariaDB's {@code ON DUPLICATE KEY UPDATE} and {@code INSERT IGNORE}.
 * MariaDB's forms apply to a conflict on any unique key, PostgreSQL's to the one the target names: the same
 * when the table has one unique key besides what the statement writes, which is the case the mirror can serve.
 */
final class UpsertTranslation {

    private static final String EXCLUDED = "excluded";

    private UpsertTranslation() {
    }

    static void toMysql(Insert insert) {
        InsertConflictAction action = insert.getConflictAction();
        if (action == null) {
            return;
        }
        InsertConflictTarget target = insert.getConflictTarget();
        if (target != null && target.getConstraintName() != null) {
            throw new CannotTranslate("ON CONFLICT ON CONSTRAINT names a " + SqlDialect.POSTGRESQL + " constraint, "
                    + "which " + SqlDialect.MYSQL + " cannot name in an upsert; name the key's columns instead: "
                    + "ON CONFLICT (a, b)");
        }
        if (target != null && (target.getWhereExpression() != null || target.getIndexExpression() != null)) {
            throw new CannotTranslate("ON CONFLICT on an expression or partial index has no " + SqlDialect.MYSQL
                    + " form");
        }
        if (action.getWhereExpression() != null) {
            throw new CannotTranslate("ON CONFLICT ... DO UPDATE ... WHERE updates only some conflicting rows, and "
                    + SqlDialect.MYSQL + "'s ON DUPLICATE KEY UPDATE has no condition");
        }
        if (action.getConflictActionType() == ConflictActionType.DO_NOTHING) {
            insert.setModifierIgnore(true);
        } else {
            List<UpdateSet> sets = action.getUpdateSets();
            for (UpdateSet set : sets) {
                for (Expression value : set.getValues()) {
                    ExpressionWalk.walk(value, expression -> {
                        if (expression instanceof Column) {
                            excludedToValues((Column) expression);
                        }
                    });
                }
            }
            insert.withDuplicateUpdateSets(sets);
        }
        insert.setConflictTarget(null);
        insert.setConflictAction(null);
    }

    /**
     * {@code EXCLUDED.c} becomes {@code VALUES(c)}; written as the column's name because the tree offers no way
     * to replace a node where it stands.
     */
    private static void excludedToValues(Column column) {
        if (column.getTable() != null && column.getTable().getName() != null
                && unquoted(column.getTable().getName()).equalsIgnoreCase(EXCLUDED)) {
            column.setColumnName("VALUES(" + column.getColumnName() + ")");
            column.setTable(null);
        }
    }

    private static String unquoted(String name) {
        return name.startsWith("`") || name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE} as {@code ON CONFLICT (the key) DO UPDATE}, when the secondary's table has
     * one unique key: MariaDB updates on a conflict with any unique key, PostgreSQL on the one named, which agree
     * only then.
     */
    static void toPostgresql(Insert insert, KeysOf keys) {
        boolean duplicate = insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty();
        if (duplicate) {
            if (insert.isModifierIgnore()) {
                throw new CannotTranslate("INSERT IGNORE ... ON DUPLICATE KEY UPDATE has no " + SqlDialect.POSTGRESQL
                        + " form: ON CONFLICT takes one action");
            }
            Table table = insert.getTable();
            String name = unquotedPostgresql(table.getName());
            UniqueKey key = onlyKey(name, keys.of(table.getSchemaName() == null ? null
                    : unquotedPostgresql(table.getSchemaName()), name));
            List<UpdateSet> sets = DuplicateUpdate.toConflictUpdate(insert.getDuplicateUpdateSets(),
                    table.getAlias() != null ? table.getAlias().getName() : table.getName());
            InsertConflictTarget target = new InsertConflictTarget(key.columns().stream()
                    .map(StringLiterals::postgresqlIdentifier).collect(Collectors.toList()), null, null, null);
            InsertConflictAction action = new InsertConflictAction(ConflictActionType.DO_UPDATE);
            action.setUpdateSets(sets);
            insert.withDuplicateUpdateSets(null);
            insert.setConflictTarget(target);
            insert.setConflictAction(action);
            return;
        }
        if (insert.isModifierIgnore()) {
            insert.setModifierIgnore(false);
            insert.setConflictAction(new InsertConflictAction(ConflictActionType.DO_NOTHING));
        }
    }

    private static UniqueKey onlyKey(String table, List<UniqueKey> keys) {
        String why = ": ON DUPLICATE KEY UPDATE acts on a conflict with any unique key, " + SqlDialect.POSTGRESQL
                + "'s ON CONFLICT on the one it names, which is the same only when the table has one";
        if (keys.isEmpty()) {
            throw new CannotTranslate(table + " has no unique key on the secondary" + why + "; give it its "
                    + "primary key, as on the primary");
        }
        if (keys.size() > 1) {
            throw new CannotTranslate(table + " has " + keys.size() + " unique keys on the secondary ("
                    + keys.stream().map(UniqueKey::toString).collect(Collectors.joining(", ")) + ")" + why
                    + "; apply such writes by hand, or write the upsert in a form both read the same way");
        }
        UniqueKey key = keys.get(0);
        if (key.isPartial()) {
            throw new CannotTranslate("the only unique key of " + table + " on the secondary, " + key
                    + ", covers some rows only, and ON CONFLICT would need its condition");
        }
        return key;
    }

    /** A name as PostgreSQL stores it: folded to lower case unless quoted. */
    private static String unquotedPostgresql(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(Locale.ROOT);
    }

    /** No key known yet: the translation stops with {@link KeysNeeded}, to be run again with them. */
    static final KeysOf NO_KEYS = (schema, table) -> {
        throw new KeysNeeded(schema, table);
    };

    /** The translation needs the secondary's unique keys of {@link #table}. */
    static final class KeysNeeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String schema;
        final String table;

        KeysNeeded(String schema, String table) {
            super(table, null, false, false);
            this.schema = schema;
            this.table = table;
        }
    }

    /** The unique keys of a table of the secondary, known to the translation. */
    @FunctionalInterface
    interface KeysOf {

        /** @param schema null for the secondary's current schema */
        List<UniqueKey> of(String schema, String table);
    }
}
