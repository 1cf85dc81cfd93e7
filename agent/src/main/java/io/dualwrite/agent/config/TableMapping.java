package io.dualwrite.agent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one primary table is written on the secondary: under another name, with columns renamed, without the columns
 * the new schema dropped, and with constant values for columns only the new schema has. Column names are matched
 * without regard to case, as both databases match unquoted names.
 */
public final class TableMapping {

    private final String table;
    private final String secondaryTable;
    private final Map<String, String> renamed;
    private final Set<String> dropped;
    private final Map<String, Object> constants;

    /**
     * @param table          the primary table, as the application writes it (unqualified or qualified)
     * @param secondaryTable the secondary's name for it; the same name when it is not renamed
     * @param renamed        primary column to secondary column
     * @param dropped        primary columns the secondary does not have
     * @param constants      secondary column to the value every inserted row gets (String, Number, Boolean or null)
     */
    public TableMapping(String table, String secondaryTable, Map<String, String> renamed, Set<String> dropped,
            Map<String, Object> constants) {
        this.table = Objects.requireNonNull(table, "table");
        this.secondaryTable = Objects.requireNonNull(secondaryTable, "secondaryTable");
        this.renamed = Collections.unmodifiableMap(lowerKeys(renamed));
        TreeSet<String> droppedLower = new TreeSet<>();
        dropped.forEach(column -> droppedLower.add(column.toLowerCase(Locale.ROOT)));
        this.dropped = Collections.unmodifiableSet(droppedLower);
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
        Map<String, V> lower = new LinkedHashMap<>();
        map.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    /** The primary table, as configured. */
    public String table() {
        return table;
    }

    /** The secondary's name for the table. */
    public String secondaryTable() {
        return secondaryTable;
    }

    /** The secondary's name for primary column {@code column}: renamed, or the same. */
    public String secondaryColumn(String column) {
        return renamed.getOrDefault(column.toLowerCase(Locale.ROOT), column);
    }

    /** Whether the secondary no longer has primary column {@code column}. */
    public boolean isDropped(String column) {
        return dropped.contains(column.toLowerCase(Locale.ROOT));
    }

    /** Primary column (lower case) to secondary column, as configured. */
    public Map<String, String> renamedColumns() {
        return renamed;
    }

    /** The dropped primary columns, lower case. */
    public Set<String> droppedColumns() {
        return dropped;
    }

    /** Secondary column to the constant every inserted row gets there, in configured order. */
    public Map<String, Object> constants() {
        return constants;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableMapping)) {
            return false;
        }
        TableMapping other = (TableMapping) o;
        return table.equals(other.table) && secondaryTable.equals(other.secondaryTable)
                && renamed.equals(other.renamed) && dropped.equals(other.dropped) && constants.equals(other.constants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, secondaryTable, renamed, dropped, constants);
    }

    @Override
    public String toString() {
        return table + " -> " + secondaryTable + " (renamed " + renamed + ", dropped " + dropped + ", constants "
                + constants.keySet() + ")";
    }
}
