package io.dualwrite.agent.translate;

import java.util.Collection;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks expressions and the queries inside them, renaming every column and table the mapping covers, each in the
 * scope it is written in: a subquery's tables are its own scope, inside the one around it.
 */
final class ColumnMapper extends ExpressionVisitorAdapter<Void> {

    /** Keeps no state (the scope travels as the visit's context), so one instance serves every thread. */
    private static final ColumnMapper INSTANCE = new ColumnMapper();

    private ColumnMapper() {
    }

    /** Maps the columns of {@code expression}, when there is one, in {@code scope}. */
    static void map(Expression expression, MappingScope scope) {
        if (expression != null) {
            expression.accept(INSTANCE, scope);
        }
    }

    static void mapAll(Collection<? extends Expression> expressions, MappingScope scope) {
        if (expressions != null) {
            expressions.forEach(expression -> map(expression, scope));
        }
    }

    static void mapOrderBy(List<OrderByElement> elements, MappingScope scope) {
        if (elements != null) {
            elements.forEach(element -> map(element.getExpression(), scope));
        }
    }

    /** Maps a query inside {@code outer}: its tables (renamed when mapped) form a scope of their own. */
    static void mapQuery(Select select, MappingScope outer) {
        mapWithItems(select.getWithItemsList(), outer);
        if (select instanceof ParenthesedSelect) {
            mapQuery(((ParenthesedSelect) select).getSelect(), outer);
        } else if (select instanceof SetOperationList) {
            for (Select branch : ((SetOperationList) select).getSelects()) {
                mapQuery(branch, outer);
            }
            mapOrderBy(select.getOrderByElements(), outer);
        } else if (select instanceof Values) {
            map(((Values) select).getExpressions(), outer);
        } else if (select instanceof PlainSelect) {
            mapPlainSelect((PlainSelect) select, outer.inner());
        } else {
            throw new CannotTranslate("the mapping does not rewrite this kind of query (" + select + ")");
        }
    }

    /** Maps the queries of a WITH clause, when there is one. */
    static void mapWithItems(List<WithItem<?>> items, MappingScope outer) {
        if (items == null) {
            return;
        }
        for (WithItem<?> with : items) {
            if (with.getSelect() == null) {
                throw new CannotTranslate("the mapping does not rewrite a WITH item that writes (" + with + ")");
            }
            mapQuery(with.getSelect(), outer);
        }
    }

    private static void mapPlainSelect(PlainSelect select, MappingScope scope) {
        addFromItem(select.getFromItem(), scope);
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                addFromItem(join.getRightItem(), scope);
            }
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            map(item.getExpression(), scope);
        }
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                mapAll(join.getOnExpressions(), scope);
                refuseMappedUsingColumns(join, scope);
            }
        }
        map(select.getWhere(), scope);
        if (select.getGroupBy() != null) {
            map(select.getGroupBy().getGroupByExpressionList(), scope);
        }
        map(select.getHaving(), scope);
        mapOrderBy(select.getOrderByElements(), scope);
    }

    /** A USING column names a column of both tables, so it cannot be renamed on one side only. */
    private static void refuseMappedUsingColumns(Join join, MappingScope scope) {
        if (join.getUsingColumns() != null) {
            for (Column column : join.getUsingColumns()) {
                if (scope.owner(column) != null) {
                    throw new CannotTranslate("a JOIN ... USING (" + column + ") joins on a column the mapping renames "
                            + "or drops: write the join with ON instead");
                }
            }
        }
    }

    /** Adds a table of a FROM clause or a join to {@code scope}; a derived table is a query of its own. */
    static void addFromItem(FromItem item, MappingScope scope) {
        if (item == null) {
            return;
        }
        if (item instanceof Table) {
            scope.add((Table) item);
        } else if (item instanceof Select) {
            mapQuery((Select) item, scope);
            if (item.getAlias() != null) {
                scope.alias(item.getAlias().getName(), null);
            }
        } else {
            throw new CannotTranslate("the mapping does not rewrite this kind of FROM item (" + item + ")");
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        ((MappingScope) context).map(column);
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        mapQuery(select, (MappingScope) context);
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        mapQuery(select, (MappingScope) context);
        return null;
    }
}
