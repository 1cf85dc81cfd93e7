package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.TableMapping;
import java.util.function.Consumer;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.ReturningClause;

/**
 * A RETURNING clause of a write to a mapped table: the secondary's answer is not read, so an item of a dropped
 * column is simply left out (and the clause when no item is left), the others are mapped.
 */
final class ReturningItems {

    private ReturningItems() {
    }

    static void map(ReturningClause returning, MappingScope scope, Consumer<ReturningClause> replace) {
        if (returning == null) {
            return;
        }
        returning.removeIf(item -> {
            if (!(item.getExpression() instanceof Column)) {
                return false;
            }
            Column column = (Column) item.getExpression();
            TableMapping owner = scope.owner(column);
            return owner != null && owner.isDropped(MappedNames.column(column));
        });
        if (returning.isEmpty()) {
            replace.accept(null);
            return;
        }
        MappingScope uses = scope.using("the RETURNING clause computes a value from it");
        returning.forEach(item -> ColumnMapper.map(item.getExpression(), uses));
    }
}
