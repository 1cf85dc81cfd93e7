package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.config.TableMapping;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Rewrites a parsed write for the secondary's schema: renamed table and columns, dropped columns, constants.
 * Constants apply to INSERTs only: they are the value a new row gets, and an UPDATE or DELETE leaves them as the
 * INSERT set them.
 */
final class MappingRewrite {

    private static final String WHERE_USE = "the WHERE clause uses it, so the secondary could not find the same rows";

    private MappingRewrite() {
    }

    /**
     * Rewrites {@code statement} in place; throws {@link CannotTranslate} when it cannot be expressed in the
     * secondary's schema.
     *
     * @return false when nothing is left for the secondary to do (an UPDATE of dropped columns only)
     */
    static boolean apply(Statement statement, MappingConfig mapping, Constants constants) {
        if (statement instanceof Insert) {
            Insert insert = (Insert) statement;
            MappingScope scope = MappingScope.empty(mapping, "the INSERT uses it");
            TableMapping target = scope.add(insert.getTable());
            if (target != null) {
                scope.alias("excluded", target);
                InsertMapping.apply(insert, target, scope, constants);
            }
            return true;
        }
        if (statement instanceof Update) {
            return update((Update) statement, mapping);
        }
        if (statement instanceof Delete) {
            delete((Delete) statement, mapping);
            return true;
        }
        if (statement instanceof Truncate) {
            Truncate truncate = (Truncate) statement;
            MappingScope scope = MappingScope.empty(mapping, "");
            if (truncate.getTables() != null) {
                truncate.getTables().forEach(scope::add);
            } else {
                scope.add(truncate.getTable());
            }
            return true;
        }
        throw new CannotTranslate("the mapping does not rewrite this kind of statement ("
                + statement.getClass().getSimpleName() + "); write it as INSERT, UPDATE or DELETE");
    }

    private static boolean update(Update update, MappingConfig mapping) {
        MappingScope scope = MappingScope.empty(mapping, WHERE_USE);
        ColumnMapper.mapWithItems(update.getWithItemsList(), scope.inner());
        scope.add(update.getTable());
        addJoins(update.getStartJoins(), scope);
        ColumnMapper.addFromItem(update.getFromItem(), scope);
        addJoins(update.getJoins(), scope);
        if (!SetItems.map(update.getUpdateSets(), scope)) {
            return false;
        }
        mapConditions(update.getJoins(), scope);
        mapConditions(update.getStartJoins(), scope);
        ColumnMapper.map(update.getWhere(), scope);
        ColumnMapper.mapOrderBy(update.getOrderByElements(), scope);
        ReturningItems.map(update.getReturningClause(), scope, update::setReturningClause);
        return true;
    }

    private static void delete(Delete delete, MappingConfig mapping) {
        MappingScope scope = MappingScope.empty(mapping, WHERE_USE);
        ColumnMapper.mapWithItems(delete.getWithItemsList(), scope.inner());
        scope.add(delete.getTable());
        if (delete.getUsingList() != null) {
            delete.getUsingList().forEach(scope::add);
        }
        addJoins(delete.getJoins(), scope);
        if (delete.getTables() != null) {
            // MariaDB's DELETE t FROM ...: the tables deleted from are named by a table or an alias of the FROM
            delete.getTables().forEach(table -> {
                TableMapping named = MappedNames.mappingOf(table, mapping);
                if (named != null) {
                    MappedNames.renameTable(table, named);
                }
            });
        }
        mapConditions(delete.getJoins(), scope);
        ColumnMapper.map(delete.getWhere(), scope);
        ColumnMapper.mapOrderBy(delete.getOrderByElements(), scope);
        ReturningItems.map(delete.getReturningClause(), scope, delete::setReturningClause);
    }

    private static void addJoins(List<Join> joins, MappingScope scope) {
        if (joins != null) {
            joins.forEach(join -> ColumnMapper.addFromItem(join.getRightItem(), scope));
        }
    }

    private static void mapConditions(List<Join> joins, MappingScope scope) {
        if (joins != null) {
            joins.forEach(join -> ColumnMapper.mapAll(join.getOnExpressions(), scope));
        }
    }
}
