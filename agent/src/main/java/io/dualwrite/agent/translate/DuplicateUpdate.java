package io.dualwrite.agent.translate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The assignments of MariaDB's {@code ON DUPLICATE KEY UPDATE} in PostgreSQL's {@code DO UPDATE SET}: the row the
 * statement meant to insert, {@code VALUES(c)}, is {@code EXCLUDED.c}; a bare column is the existing row's, which
 * PostgreSQL reads only qualified with the table's name.
 */
final class DuplicateUpdate {

    private static final String EXCLUDED = "EXCLUDED";

    private DuplicateUpdate() {
    }

    /** Rewrites {@code sets} in place, {@code table} naming the existing row; returns them. */
    static List<UpdateSet> toConflictUpdate(List<UpdateSet> sets, String table) {
        Set<String> assigned = new HashSet<>();
        for (UpdateSet set : sets) {
            @SuppressWarnings("unchecked")
            ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
            for (int i = 0; i < values.size(); i++) {
                Expression value = values.get(i);
                if (!new TablesNamesFinder<Void>().getTables(value).isEmpty()) {
                    throw new CannotTranslate("a subquery in ON DUPLICATE KEY UPDATE is not translated to "
                            + SqlDialect.POSTGRESQL + ": its columns and the existing row's cannot be told apart");
                }
                values.set(i, excluded(value));
                ExpressionWalk.walk(values.get(i), expression -> {
                    if (expression instanceof Function) {
                        refuseValuesLeft((Function) expression);
                    }
                });
                ExpressionWalk.walk(values.get(i), expression -> {
                    if (expression instanceof Column) {
                        existingRow((Column) expression, table, assigned);
                    }
                });
            }
            for (Column column : set.getColumns()) {
                // PostgreSQL refuses a qualified column on the left
                column.setTable(null);
                assigned.add(column.getColumnName().toLowerCase(Locale.ROOT));
            }
        }
        return sets;
    }

    /**
     * MariaDB assigns left to right, a later value reading the earlier ones' new values; PostgreSQL reads the
     * row as it was. The same only when no value reads a column assigned before it.
     */
    private static void existingRow(Column column, String table, Set<String> assigned) {
        if (column.getTable() != null && column.getTable().getName() != null) {
            return;
        }
        if (assigned.contains(column.getColumnName().toLowerCase(Locale.ROOT))) {
            throw new CannotTranslate("ON DUPLICATE KEY UPDATE reads " + column.getColumnName() + " after assigning "
                    + "it: " + SqlDialect.MYSQL + " reads the new value, " + SqlDialect.POSTGRESQL + " the old one; "
                    + "assign " + column.getColumnName() + " last, or write its new value out");
        }
        column.setTable(new Table(table));
    }

    /** {@code expression} with every {@code VALUES(c)} in it as {@code EXCLUDED.c}. */
    private static Expression excluded(Expression expression) {
        if (expression instanceof Function) {
            Function function = (Function) expression;
            if ("VALUES".equalsIgnoreCase(function.getName())) {
                return valuesColumn(function);
            }
            replaceIn(function.getParameters());
        } else if (expression instanceof BinaryExpression) {
            BinaryExpression binary = (BinaryExpression) expression;
            binary.setLeftExpression(excluded(binary.getLeftExpression()));
            binary.setRightExpression(excluded(binary.getRightExpression()));
        } else if (expression instanceof Parenthesis) {
            ((Parenthesis) expression).setExpression(excluded(((Parenthesis) expression).getExpression()));
        } else if (expression instanceof ExpressionList) {
            replaceIn(expression);
        } else if (expression instanceof CastExpression) {
            CastExpression cast = (CastExpression) expression;
            cast.setLeftExpression(excluded(cast.getLeftExpression()));
        } else if (expression instanceof SignedExpression) {
            SignedExpression signed = (SignedExpression) expression;
            signed.setExpression(excluded(signed.getExpression()));
        } else if (expression instanceof NotExpression) {
            NotExpression not = (NotExpression) expression;
            not.setExpression(excluded(not.getExpression()));
        } else if (expression instanceof IsNullExpression) {
            IsNullExpression isNull = (IsNullExpression) expression;
            isNull.setLeftExpression(excluded(isNull.getLeftExpression()));
        } else if (expression instanceof CaseExpression) {
            caseExpression((CaseExpression) expression);
        }
        return expression;
    }

    private static void caseExpression(CaseExpression expression) {
        if (expression.getSwitchExpression() != null) {
            expression.setSwitchExpression(excluded(expression.getSwitchExpression()));
        }
        for (WhenClause when : expression.getWhenClauses()) {
            when.setWhenExpression(excluded(when.getWhenExpression()));
            when.setThenExpression(excluded(when.getThenExpression()));
        }
        if (expression.getElseExpression() != null) {
            expression.setElseExpression(excluded(expression.getElseExpression()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void replaceIn(Expression list) {
        if (list instanceof ExpressionList) {
            ExpressionList<Expression> expressions = (ExpressionList<Expression>) list;
            for (int i = 0; i < expressions.size(); i++) {
                expressions.set(i, excluded(expressions.get(i)));
            }
        }
    }

    private static Column valuesColumn(Function values) {
        ExpressionList<?> parameters = values.getParameters();
        if (parameters == null || parameters.size() != 1 || !(parameters.get(0) instanceof Column)) {
            throw new CannotTranslate("VALUES(...) in ON DUPLICATE KEY UPDATE names one column: " + values);
        }
        Column column = (Column) parameters.get(0);
        return new Column(new Table(EXCLUDED), column.getColumnName());
    }

    /** A VALUES(c) the rewrite could not reach (inside a construct it does not walk) is refused, never sent. */
    private static void refuseValuesLeft(Function function) {
        if ("VALUES".equalsIgnoreCase(function.getName())) {
            throw new CannotTranslate(function + " is not translated to " + SqlDialect.POSTGRESQL + " where it "
                    + "stands; write it at the top of the value, or in arithmetic, a function call or CASE");
        }
    }
}
