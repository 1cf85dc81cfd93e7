package io.dualwrite.agent.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The {@code mapping} section: which primary tables the secondary holds under another name or shape. */
public final class MappingConfig {

    private static final MappingConfig EMPTY = new MappingConfig(Map.of());

    private final Map<String, TableMapping> byTable;

    /** @param byTable each mapping under its primary table name */
    public MappingConfig(Map<String, TableMapping> byTable) {
        Map<String, TableMapping> lower = new LinkedHashMap<>();
        byTable.forEach((table, mapping) -> lower.put(key(table), mapping));
        this.byTable = Collections.unmodifiableMap(lower);
    }

    /** No table mapped: the secondary has the primary's schema. */
    public static MappingConfig empty() {
        return EMPTY;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

    /**
     * The mapping of {@code table} as a statement names it (unquoted, qualified or not), or null when the table is
     * not mapped. A qualified name matches a mapping of its unqualified name too.
     */
    public TableMapping forTable(String table) {
        if (table == null || byTable.isEmpty()) {
            return null;
        }
        String key = key(table);
        TableMapping mapping = byTable.get(key);
        int dot = key.lastIndexOf('.');
        return mapping != null || dot < 0 ? mapping : byTable.get(key.substring(dot + 1));
    }

    public boolean isEmpty() {
        return byTable.isEmpty();
    }

    public Collection<TableMapping> tables() {
        return byTable.values();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappingConfig && byTable.equals(((MappingConfig) o).byTable);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(byTable);
    }

    @Override
    public String toString() {
        return byTable.isEmpty() ? "none" : byTable.values().toString();
    }
}
