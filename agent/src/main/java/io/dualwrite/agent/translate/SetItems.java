package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.TableMapping;
import java.util.List;
import java.util.ListIterator;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The {@code column = value} items of an UPDATE, of an INSERT ... SET, of ON CONFLICT DO UPDATE and of ON DUPLICATE
 * KEY UPDATE: an item of a dropped column goes (the secondary has nowhere to keep its value), the others get the
 * secondary's column names and have the columns in their values mapped.
 */
final class SetItems {

    private SetItems() {
    }

    /**
     * Maps {@code items} in place.
     *
     * @param scope the tables the items' columns and values can name
     * @return whether any item is left
     */
    static boolean map(List<UpdateSet> items, MappingScope scope) {
        MappingScope values = scope.using("a SET value is computed from it");
        for (ListIterator<UpdateSet> it = items.listIterator(); it.hasNext(); ) {
            UpdateSet item = it.next();
            if (dropColumns(item, scope)) {
                if (item.getColumns().isEmpty()) {
                    it.remove();
                    continue;
                }
                if (item.getColumns().size() == 1) {
                    // PostgreSQL reads (a) = (1) as a row, which it does not assign to one column
                    item = new UpdateSet(item.getColumn(0), item.getValue(0));
                    it.set(item);
                }
            }
            for (Column column : item.getColumns()) {
                scope.map(column);
            }
            ColumnMapper.map(item.getValues(), values);
        }
        return !items.isEmpty();
    }

    /** Takes the dropped columns out of {@code item}, with their values; whether there was any. */
    private static boolean dropColumns(UpdateSet item, MappingScope scope) {
        boolean dropped = false;
        ExpressionList<Column> columns = item.getColumns();
        ExpressionList<?> values = item.getValues();
        for (int i = columns.size() - 1; i >= 0; i--) {
            String name = MappedNames.column(columns.get(i));
            TableMapping owner = scope.owner(columns.get(i));
            if (owner == null || !owner.isDropped(name)) {
                continue;
            }
            if (columns.size() > 1 && values.size() != columns.size()) {
                throw new CannotTranslate(MappingScope.dropped(owner, name)
                        + ", but it is set together with other columns from one value (" + item + "): set it in "
                        + "an item of its own");
            }
            columns.remove(i);
            List<? extends Expression> list = values;
            list.remove(i);
            dropped = true;
        }
        return dropped;
    }
}
