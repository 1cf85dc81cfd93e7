package io.dualwrite.agent.translate;

import java.util.function.Consumer;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Visits every cast, column, function call and {@code ||} of a write, in subqueries too. JSqlParser's table finder already walks
 * every expression of a statement except an INSERT's upsert clauses, which are walked here as well.
 */
final class ExpressionWalk extends TablesNamesFinder<Void> {

    private final Consumer<Expression> action;

    private ExpressionWalk(Consumer<Expression> action) {
        this.action = action;
    }

    /**
     * Calls {@code action} for every cast, column, function call and concatenation in {@code statement}, inner
     * ones first.
     */
    static void walk(Statement statement, Consumer<Expression> action) {
        ExpressionWalk walk = new ExpressionWalk(action);
        walk.getTables(statement);
        if (statement instanceof Insert) {
            Insert insert = (Insert) statement;
            if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
                walk.updateSets(insert.getConflictAction().getUpdateSets());
            }
            if (insert.getDuplicateUpdateSets() != null) {
                walk.updateSets(insert.getDuplicateUpdateSets());
            }
        }
    }

    /** Calls {@code action} for every cast, column, function call and concatenation in {@code expression}. */
    static void walk(Expression expression, Consumer<Expression> action) {
        new ExpressionWalk(action).getTables(expression);
    }

    private void updateSets(Iterable<UpdateSet> sets) {
        for (UpdateSet set : sets) {
            for (Expression value : set.getValues()) {
                getTables(value);
            }
        }
    }

    @Override
    public <S> Void visit(CastExpression cast, S context) {
        super.visit(cast, context);
        action.accept(cast);
        return null;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        action.accept(column);
        return super.visit(column, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        super.visit(function, context);
        action.accept(function);
        return null;
    }

    @Override
    public <S> Void visit(Concat concat, S context) {
        super.visit(concat, context);
        action.accept(concat);
        return null;
    }
}
