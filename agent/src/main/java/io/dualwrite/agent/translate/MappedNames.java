package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.config.TableMapping;
import java.util.Locale;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Names as a statement writes them and as the mapping knows them: quotes taken off to compare, and a new name
 * written in the quotes of the name it replaces, so that a quoted name keeps its exact case.
 */
final class MappedNames {

    private MappedNames() {
    }

    /** A name without its quotes ({@code "Name"}, {@code `name`} or {@code [name]}). */
    static String unquoted(String name) {
        int n = name == null ? 0 : name.length();
        if (n >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(n - 1);
            if ((first == '"' || first == '`') && last == first || first == '[' && last == ']') {
                return name.substring(1, n - 1);
            }
        }
        return name;
    }

    /** {@code replacement} quoted as {@code original} is. */
    static String quotedAs(String original, String replacement) {
        if (original.length() >= 2 && !original.equals(unquoted(original))) {
            char first = original.charAt(0);
            return first + replacement + (first == '[' ? ']' : String.valueOf(first));
        }
        return replacement;
    }

    /** The column's name without quotes. */
    static String column(Column column) {
        return unquoted(column.getColumnName());
    }

    /** The table's name as the mapping looks it up: unquoted, with its schema when it has one. */
    static String table(Table table) {
        String name = unquoted(table.getName());
        String schema = table.getSchemaName();
        return schema == null ? name : unquoted(schema) + "." + name;
    }

    /** The mapping of {@code table}, or null when it is not mapped. */
    static TableMapping mappingOf(Table table, MappingConfig mapping) {
        return table.getName() == null ? null : mapping.forTable(table(table));
    }

    /**
     * Gives {@code table} the secondary's name; its schema stays as the statement wrote it unless the mapping names
     * one.
     */
    static void renameTable(Table table, TableMapping mapping) {
        String secondary = mapping.secondaryTable();
        int dot = secondary.lastIndexOf('.');
        if (dot > 0) {
            table.setSchemaName(secondary.substring(0, dot));
        }
        table.setName(quotedAs(table.getName(), secondary.substring(dot + 1)));
    }

    /** Gives {@code column} the secondary's name. */
    static void renameColumn(Column column, TableMapping mapping) {
        column.setColumnName(quotedAs(column.getColumnName(), mapping.secondaryColumn(column(column))));
    }

    /** The last part of a possibly qualified name, lower case. */
    static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
