package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.config.TableMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * The tables a part of a statement can name columns of: the statement's own tables, or a subquery's with those
 * around it. A qualified column ({@code u.name}, {@code users.name}, {@code EXCLUDED.name}) belongs to the table its
 * qualifier names, looked up from the innermost scope out. An unqualified one belongs to a mapped table of this
 * scope whose mapping renames or drops that name: the primary accepted the statement, so no other table of the
 * scope has a column of that name. Unqualified columns are not looked up in outer scopes, since in SQL a subquery's
 * own tables come first and the mapping does not know their columns.
 */
final class MappingScope {

    private final MappingConfig mapping;
    private final MappingScope outer;
    /** Qualifier (lower case) to the mapping of its table; null for a table that is not mapped. */
    private final Map<String, TableMapping> qualifiers = new HashMap<>();
    /** Qualifiers that are a mapped table's own name, which the secondary knows by its new name. */
    private final Map<String, TableMapping> tableNames = new HashMap<>();
    private final List<TableMapping> unqualified = new ArrayList<>();
    /** How the part being rewritten uses a column, for the reason when that column is dropped. */
    private final String use;

    private MappingScope(MappingConfig mapping, MappingScope outer, String use) {
        this.mapping = mapping;
        this.outer = outer;
        this.use = use;
    }

    /** A scope with no table: columns keep their names, subqueries are still rewritten. */
    static MappingScope empty(MappingConfig mapping, String use) {
        return new MappingScope(mapping, null, use);
    }

    /** A scope inside this one (a subquery's). */
    MappingScope inner() {
        return new MappingScope(mapping, this, use);
    }

    /** This scope's tables, for a part that uses columns as {@code use} says. */
    MappingScope using(String use) {
        MappingScope scope = new MappingScope(mapping, outer, use);
        scope.qualifiers.putAll(qualifiers);
        scope.tableNames.putAll(tableNames);
        scope.unqualified.addAll(unqualified);
        return scope;
    }

    MappingConfig mapping() {
        return mapping;
    }

    /** Adds a table the scope reads or writes, renames it when it is mapped, and returns its mapping or null. */
    TableMapping add(Table table) {
        if (table == null) {
            return null;
        }
        TableMapping tableMapping = MappedNames.mappingOf(table, mapping);
        String name = MappedNames.unquoted(table.getName());
        if (name != null) {
            String key = name.toLowerCase(Locale.ROOT);
            qualifiers.put(key, tableMapping);
            if (tableMapping != null) {
                tableNames.put(key, tableMapping);
            }
        }
        if (table.getAlias() != null) {
            alias(table.getAlias().getName(), tableMapping);
        }
        if (tableMapping != null) {
            unqualified.add(tableMapping);
            MappedNames.renameTable(table, tableMapping);
        }
        return tableMapping;
    }

    /** Another name for a table's columns, such as {@code EXCLUDED}; a null mapping hides an outer name. */
    void alias(String alias, TableMapping tableMapping) {
        qualifiers.put(MappedNames.unquoted(alias).toLowerCase(Locale.ROOT), tableMapping);
    }

    /**
     * Renames {@code column} when it belongs to a mapped table.
     *
     * @throws CannotTranslate when it is a column the secondary does not have
     */
    void map(Column column) {
        TableMapping owner = owner(column);
        if (owner == null) {
            return;
        }
        String name = MappedNames.column(column);
        if (owner.isDropped(name)) {
            throw new CannotTranslate(dropped(owner, name) + ", but " + use);
        }
        MappedNames.renameColumn(column, owner);
        Table qualifier = column.getTable();
        if (qualifier != null && qualifier.getName() != null && isTableName(qualifier.getName())) {
            MappedNames.renameTable(qualifier, owner);
        }
    }

    /** The mapped table {@code column} belongs to, or null. */
    TableMapping owner(Column column) {
        Table qualifier = column.getTable();
        if (qualifier == null || qualifier.getName() == null) {
            return unqualifiedOwner(MappedNames.column(column));
        }
        String key = MappedNames.unquoted(qualifier.getName()).toLowerCase(Locale.ROOT);
        for (MappingScope scope = this; scope != null; scope = scope.outer) {
            if (scope.qualifiers.containsKey(key)) {
                return scope.qualifiers.get(key);
            }
        }
        return null;
    }

    private TableMapping unqualifiedOwner(String name) {
        TableMapping owner = null;
        for (TableMapping candidate : unqualified) {
            boolean mentions = candidate.isDropped(name) || !candidate.secondaryColumn(name).equals(name);
            if (mentions && owner != null && owner != candidate) {
                throw new CannotTranslate("column " + name + " may be a column of " + owner.table() + " or of "
                        + candidate.table() + ", which are both mapped: qualify it with its table's name or alias");
            }
            owner = mentions ? candidate : owner;
        }
        return owner;
    }

    private boolean isTableName(String qualifier) {
        String key = MappedNames.unquoted(qualifier).toLowerCase(Locale.ROOT);
        for (MappingScope scope = this; scope != null; scope = scope.outer) {
            if (scope.qualifiers.containsKey(key)) {
                return scope.tableNames.containsKey(key);
            }
        }
        return false;
    }

    /** The start of a reason about a dropped column. */
    static String dropped(TableMapping owner, String column) {
        return "column " + column + " of " + owner.table() + " is dropped on the secondary (mapping." + owner.table()
                + ".drop)";
    }
}
