package io.dualwrite.agent.translate;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The clauses of INSERT, UPDATE and DELETE that the two dialects write differently: RETURNING (dropped, as the
 * mirror never reads it), WITH, and the clauses only one side has, which are refused.
 */
final class WriteTranslation {

    private WriteTranslation() {
    }

    static void apply(Statement statement, SqlDialect from, SqlDialect to, UpsertTranslation.KeysOf keys) {
        if (statement instanceof Insert) {
            insert((Insert) statement, to, keys);
        } else if (statement instanceof Update) {
            update((Update) statement, to);
        } else if (statement instanceof Delete) {
            delete((Delete) statement, to);
        } else {
            throw new CannotTranslate("a " + kind(statement) + " statement is not translated from " + from + " to "
                    + to + " (only INSERT, UPDATE and DELETE are); run its " + to + " form on the secondary yourself");
        }
        refuseConcatenation(statement, from, to);
    }

    /** Either dialect reads {@code ||} its own way: MariaDB as OR (by default), PostgreSQL as concatenation. */
    private static void refuseConcatenation(Statement statement, SqlDialect from, SqlDialect to) {
        ExpressionWalk.walk(statement, expression -> {
            if (expression instanceof Concat) {
                throw new CannotTranslate("|| means " + (from == SqlDialect.POSTGRESQL ? "concatenation" : "OR")
                        + " in " + from + " but " + (to == SqlDialect.POSTGRESQL ? "concatenation" : "OR") + " in "
                        + to + "; write " + (from == SqlDialect.POSTGRESQL ? "concat(a, b)" : "OR")
                        + ", which both read the same way");
            }
        });
    }

    private static void insert(Insert insert, SqlDialect to, UpsertTranslation.KeysOf keys) {
        insert.setReturningClause(null);
        insert.setModifierPriority(null);
        if (to == SqlDialect.MYSQL) {
            UpsertTranslation.toMysql(insert);
            moveWithIntoSelect(insert);
        } else {
            if (insert.isUseSet()) {
                setToValues(insert);
            }
            UpsertTranslation.toPostgresql(insert, keys);
        }
    }

    /** MariaDB's {@code INSERT INTO t SET a = 1, b = ?} as {@code INSERT INTO t (a, b) VALUES (1, ?)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setToValues(Insert insert) {
        ExpressionList<Column> columns = new ExpressionList<>();
        ParenthesedExpressionList<Expression> row = new ParenthesedExpressionList<>();
        for (UpdateSet set : insert.getSetUpdateSets()) {
            columns.addAll(set.getColumns());
            row.addAll((ExpressionList<Expression>) set.getValues());
        }
        insert.withSetUpdateSets(null);
        insert.setColumns(columns);
        insert.setSelect(new Values((ExpressionList) row));
    }

    /** MariaDB reads a WITH of an INSERT only in front of its SELECT. */
    private static void moveWithIntoSelect(Insert insert) {
        List<WithItem<?>> with = insert.getWithItemsList();
        if (with == null || with.isEmpty()) {
            return;
        }
        refuseDataModifying(with);
        Select select = insert.getSelect();
        if (select == null || select instanceof Values) {
            throw new CannotTranslate("a WITH in front of INSERT ... VALUES has no " + SqlDialect.MYSQL
                    + " form; write INSERT ... WITH ... SELECT");
        }
        List<WithItem<?>> merged = new ArrayList<>(with);
        if (select.getWithItemsList() != null) {
            merged.addAll(select.getWithItemsList());
        }
        select.setWithItemsList(merged);
        insert.setWithItemsList(null);
    }

    private static void refuseDataModifying(List<WithItem<?>> with) {
        for (WithItem<?> item : with) {
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect)) {
                throw new CannotTranslate("WITH " + item.getAliasName() + " AS (...) changes rows itself (an INSERT, "
                        + "UPDATE or DELETE inside WITH), which " + SqlDialect.MYSQL + " cannot do; the secondary "
                        + "needs the statements one by one");
            }
        }
    }

    private static void update(Update update, SqlDialect to) {
        update.setReturningClause(null);
        if (to == SqlDialect.MYSQL) {
            refuseWith(update.getWithItemsList(), "UPDATE");
            if (update.getFromItem() != null) {
                throw new CannotTranslate("UPDATE ... FROM has no " + to + " form the agent writes");
            }
        } else if (update.getLimit() != null || update.getOrderByElements() != null) {
            throw new CannotTranslate("UPDATE ... ORDER BY/LIMIT has no " + to + " form: which rows it changes "
                    + "depends on an order PostgreSQL's UPDATE cannot take");
        } else if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()
                || update.getJoins() != null && !update.getJoins().isEmpty() || update.isModifierIgnore()) {
            throw new CannotTranslate("a multiple-table UPDATE or UPDATE IGNORE has no " + to + " form the agent "
                    + "writes");
        }
    }

    private static void delete(Delete delete, SqlDialect to) {
        delete.setReturningClause(null);
        if (to == SqlDialect.MYSQL) {
            refuseWith(delete.getWithItemsList(), "DELETE");
        }
        boolean usesOthers = delete.getUsingList() != null && !delete.getUsingList().isEmpty()
                || delete.getJoins() != null && !delete.getJoins().isEmpty()
                || delete.getTables() != null && !delete.getTables().isEmpty();
        if (usesOthers) {
            throw new CannotTranslate("a DELETE that names other tables (USING, JOIN or several tables) has no "
                    + to + " form the agent writes");
        }
        if (to == SqlDialect.POSTGRESQL && (delete.getLimit() != null || delete.getOrderByElements() != null
                || delete.isModifierIgnore())) {
            throw new CannotTranslate("DELETE ... ORDER BY/LIMIT or DELETE IGNORE has no " + to + " form");
        }
    }

    private static void refuseWith(List<WithItem<?>> with, String statement) {
        if (with != null && !with.isEmpty()) {
            throw new CannotTranslate("MariaDB does not read WITH in front of " + statement + "; write the WITH "
                    + "query as a subquery");
        }
    }

    private static String kind(Statement statement) {
        String name = statement.getClass().getSimpleName();
        return "Upsert".equals(name) ? "REPLACE (or UPSERT)" : name.toUpperCase(java.util.Locale.ROOT);
    }
}
