package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.TableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * An INSERT into a mapped table, for the secondary: the table and its columns renamed, each dropped column taken
 * out of the column list together with its value in every row (or its item of the SELECT list), each constant
 * column added with a bound value per row, and the same mapping inside ON CONFLICT and ON DUPLICATE KEY UPDATE.
 * Values are matched to columns by position, so the INSERT must name its columns.
 */
final class InsertMapping {

    private final Insert insert;
    private final TableMapping target;
    private final MappingScope scope;
    private final Constants constants;

    private InsertMapping(Insert insert, TableMapping target, MappingScope scope, Constants constants) {
        this.insert = insert;
        this.target = target;
        this.scope = scope;
        this.constants = constants;
    }

    /** Maps {@code insert}, whose table {@code scope} has as its first table, in place. */
    static void apply(Insert insert, TableMapping target, MappingScope scope, Constants constants) {
        new InsertMapping(insert, target, scope, constants).apply();
    }

    private void apply() {
        ColumnMapper.mapWithItems(insert.getWithItemsList(), scope.inner());
        if (insert.getSetUpdateSets() != null) {
            insertSet();
        } else if (insert.isOnlyDefaultValues()) {
            defaultValues();
        } else if (insert.getColumns() == null) {
            throw new CannotTranslate("the INSERT into mapped table " + target.table() + " does not name its columns, "
                    + "so its values cannot be matched to the secondary's columns: name them (INSERT INTO "
                    + target.table() + " (a, b, ...) VALUES ...)");
        } else {
            insertRows();
        }
        upsert();
        ReturningItems.map(insert.getReturningClause(), scope, insert::setReturningClause);
    }

    /** MariaDB's {@code INSERT ... SET a = 1, b = 2}. */
    private void insertSet() {
        List<UpdateSet> items = insert.getSetUpdateSets();
        if (!SetItems.map(items, scope) && target.constants().isEmpty()) {
            throw new CannotTranslate("every column the INSERT into " + target.table() + " sets is dropped on the "
                    + "secondary (mapping." + target.table() + ".drop), which would insert a row of defaults only");
        }
        refuseColumnsOfConstants(items.stream().flatMap(item -> item.getColumns().stream()));
        target.constants().forEach((column, value) ->
                items.add(new UpdateSet(new Column(column), constants.add(value))));
    }

    /** {@code DEFAULT VALUES}: with constants, a row of the constants, the other columns taking their defaults. */
    private void defaultValues() {
        if (target.constants().isEmpty()) {
            return;
        }
        ExpressionList<Column> columns = new ExpressionList<>();
        ParenthesedExpressionList<Expression> row = new ParenthesedExpressionList<>();
        target.constants().forEach((column, value) -> {
            columns.add(new Column(column));
            row.add(constants.add(value));
        });
        insert.setOnlyDefaultValues(false);
        insert.setColumns(columns);
        insert.setSelect(new Values(row));
    }

    private void insertRows() {
        ExpressionList<Column> columns = insert.getColumns();
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (target.isDropped(MappedNames.column(columns.get(i)))) {
                dropped.add(i);
            }
        }
        Select source = insert.getSelect();
        if (source instanceof Values) {
            for (ExpressionList<Expression> row : rows((Values) source, columns.size())) {
                removeAt(row, dropped);
                ColumnMapper.mapAll(row, MappingScope.empty(scope.mapping(), "an inserted value is computed from it"));
                target.constants().values().forEach(value -> row.add(constants.add(value)));
            }
        } else if (source != null) {
            for (PlainSelect branch : branches(source)) {
                List<SelectItem<?>> items = branch.getSelectItems();
                checkMatches(items, columns.size());
                removeAt(items, dropped);
                target.constants().values().forEach(value -> items.add(SelectItem.from(constants.add(value))));
            }
            ColumnMapper.mapQuery(source, MappingScope.empty(scope.mapping(), "an inserted value is computed from it"));
        } else {
            throw new CannotTranslate("the mapping does not read this form of INSERT (" + insert + ")");
        }
        removeAt(columns, dropped);
        if (columns.isEmpty() && target.constants().isEmpty()) {
            throw new CannotTranslate("every column the INSERT into " + target.table() + " names is dropped on the "
                    + "secondary (mapping." + target.table() + ".drop), which would insert a row of defaults only");
        }
        columns.forEach(column -> MappedNames.renameColumn(column, target));
        refuseColumnsOfConstants(columns.stream());
        target.constants().keySet().forEach(column -> columns.add(new Column(column)));
    }

    /** The rows of a VALUES clause, each as many values as there are columns. */
    @SuppressWarnings("unchecked")
    private List<ExpressionList<Expression>> rows(Values values, int columns) {
        ExpressionList<?> expressions = values.getExpressions();
        List<ExpressionList<Expression>> rows = new ArrayList<>();
        if (expressions instanceof ParenthesedExpressionList) {
            rows.add((ExpressionList<Expression>) expressions);
        } else {
            for (Expression row : expressions) {
                if (!(row instanceof ExpressionList)) {
                    throw new CannotTranslate("a row of the INSERT into " + target.table() + " is not a list of values "
                            + "in parentheses (" + row + "), so its values cannot be matched to columns");
                }
                rows.add((ExpressionList<Expression>) row);
            }
        }
        for (ExpressionList<Expression> row : rows) {
            if (row.size() != columns) {
                throw new CannotTranslate("a row of the INSERT into " + target.table() + " has " + row.size()
                        + " values for " + columns + " columns");
            }
        }
        return rows;
    }

    /** The SELECTs whose items are inserted: one, or each branch of a UNION. */
    private List<PlainSelect> branches(Select source) {
        List<PlainSelect> branches = new ArrayList<>();
        if (source instanceof ParenthesedSelect) {
            branches.addAll(branches(((ParenthesedSelect) source).getSelect()));
        } else if (source instanceof SetOperationList) {
            for (Select branch : ((SetOperationList) source).getSelects()) {
                branches.addAll(branches(branch));
            }
        } else if (source instanceof PlainSelect) {
            branches.add((PlainSelect) source);
        } else {
            throw new CannotTranslate("the INSERT into " + target.table() + " takes its rows from a query the mapping "
                    + "cannot match to columns (" + source + ")");
        }
        return branches;
    }

    private void checkMatches(List<SelectItem<?>> items, int columns) {
        for (SelectItem<?> item : items) {
            if (item.getExpression() instanceof AllColumns) {
                throw new CannotTranslate("the INSERT into " + target.table() + " selects " + item + ", which cannot "
                        + "be matched to the secondary's columns: select the columns by name");
            }
        }
        if (items.size() != columns) {
            throw new CannotTranslate("the SELECT of the INSERT into " + target.table() + " has " + items.size()
                    + " items for " + columns + " columns");
        }
    }

    private void refuseColumnsOfConstants(Stream<Column> columns) {
        columns.map(MappedNames::column).filter(this::hasConstant).findFirst().ifPresent(name -> {
            throw new CannotTranslate("the INSERT into " + target.table() + " sets column " + name + ", which mapping."
                    + target.table() + ".constants sets too: remove the constant, or map the column");
        });
    }

    private boolean hasConstant(String column) {
        for (String constant : target.constants().keySet()) {
            if (constant.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** ON CONFLICT ... DO UPDATE (PostgreSQL) and ON DUPLICATE KEY UPDATE (MariaDB/MySQL). */
    private void upsert() {
        InsertConflictTarget conflict = insert.getConflictTarget();
        if (conflict != null) {
            List<String> names = conflict.getIndexColumnNames();
            for (int i = 0; i < names.size(); i++) {
                String name = MappedNames.unquoted(names.get(i));
                if (target.isDropped(name)) {
                    throw new CannotTranslate(MappingScope.dropped(target, name) + ", but ON CONFLICT names it: the "
                            + "secondary has no unique key on it");
                }
                names.set(i, MappedNames.quotedAs(names.get(i), target.secondaryColumn(name)));
            }
            ColumnMapper.map(conflict.getIndexExpression(), scope.using("ON CONFLICT uses it"));
            ColumnMapper.map(conflict.getWhereExpression(), scope.using("ON CONFLICT uses it"));
        }
        InsertConflictAction action = insert.getConflictAction();
        if (action != null && action.getUpdateSets() != null) {
            if (!SetItems.map(action.getUpdateSets(), scope)) {
                // every column it updated is dropped: on the secondary the existing row stays as it is
                action.setConflictActionType(ConflictActionType.DO_NOTHING);
                action.setUpdateSets(null);
                action.setWhereExpression(null);
            }
            ColumnMapper.map(action.getWhereExpression(), scope.using("ON CONFLICT ... WHERE uses it"));
        }
        List<UpdateSet> duplicate = insert.getDuplicateUpdateSets();
        if (duplicate != null && !SetItems.map(duplicate, scope)) {
            // every column it updated is dropped: assigning a column to itself keeps the existing row as it is
            Column first = insert.getColumns() != null ? insert.getColumns().get(0)
                    : insert.getSetUpdateSets().get(0).getColumn(0);
            duplicate.add(new UpdateSet(new Column(first.getColumnName()), new Column(first.getColumnName())));
        }
    }

    private static <T> void removeAt(List<T> list, List<Integer> indexes) {
        for (int i = indexes.size() - 1; i >= 0; i--) {
            list.remove((int) indexes.get(i));
        }
    }
}
