package io.dualwrite.agent.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A table as one side has it: its name there, its columns in order, and the keys that identify its rows. */
final class TableShape {

    final String name;
    final List<Column> columns;
    /** The primary key's columns in key order; empty when there is none. */
    final List<String> primaryKey;
    /** Unique indexes whose columns are all NOT NULL, each in index order. */
    final List<List<String>> uniqueKeys;
    private final Map<String, Column> byName = new LinkedHashMap<>();

    TableShape(String name, List<Column> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.primaryKey = Collections.unmodifiableList(new ArrayList<>(primaryKey));
        this.uniqueKeys = Collections.unmodifiableList(new ArrayList<>(uniqueKeys));
        for (Column column : columns) {
            byName.put(column.name.toLowerCase(Locale.ROOT), column);
        }
    }

    /** The column of that name, whatever its case; null when the table has none. */
    Column column(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The key rows are matched by: the primary key, else the first unique key over NOT NULL columns; else empty. */
    List<String> key() {
        if (!primaryKey.isEmpty()) {
            return primaryKey;
        }
        return uniqueKeys.isEmpty() ? Collections.emptyList() : uniqueKeys.get(0);
    }

    /** Whether these columns, in any case and order, are this table's primary key or one of its unique keys. */
    boolean isKey(List<String> columnNames) {
        if (sameColumns(primaryKey, columnNames)) {
            return true;
        }
        for (List<String> unique : uniqueKeys) {
            if (sameColumns(unique, columnNames)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            return false;
        }
        List<String> lower = new ArrayList<>();
        for (String name : a) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        for (String name : b) {
            if (!lower.remove(name.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
