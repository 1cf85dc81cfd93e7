package io.dualwrite.agent.translate;

import java.util.List;
import net.sf.jsqlparser.schema.Column;
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

    static void toPostgresql(Insert insert) {
        boolean duplicate = insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty();
        if (duplicate) {
            throw new CannotTranslate("ON DUPLICATE KEY UPDATE does not name the key, and " + SqlDialect.POSTGRESQL
                    + "'s ON CONFLICT ... DO UPDATE must (ON CONFLICT (key columns)); the statement alone cannot tell "
                    + "which unique key conflicts, so apply this write to the secondary by hand, or write the upsert "
                    + "in a form both databases read the same way");
        }
        if (insert.isModifierIgnore()) {
            insert.setModifierIgnore(false);
            insert.setConflictAction(new InsertConflictAction(ConflictActionType.DO_NOTHING));
        }
    }
}
