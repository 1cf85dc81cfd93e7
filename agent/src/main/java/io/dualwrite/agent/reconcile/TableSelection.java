package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.config.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which tables a command reconciles: those named, or every table both sides have that the mirrored-tables filter
 * admits; each matched by name, whatever its case, with its key and columns.
 */
public final class TableSelection {

    private final List<String> named;
    private final TableFilter filter;
    private final Map<String, Set<String>> ignoredColumns;

    /**
     * @param named          the tables to reconcile; empty for all of both sides'
     * @param filter         which tables are mirrored, applied when none are named
     * @param ignoredColumns {@code table.column} names not to compare
     */
    public TableSelection(List<String> named, TableFilter filter, List<String> ignoredColumns) {
        this.named = new ArrayList<>(named);
        this.filter = filter;
        this.ignoredColumns = new HashMap<>();
        for (String qualified : ignoredColumns) {
            int dot = qualified.lastIndexOf('.');
            if (dot <= 0 || dot == qualified.length() - 1) {
                throw new IllegalArgumentException("--ignore-columns takes table.column, not '" + qualified + "'");
            }
            this.ignoredColumns.computeIfAbsent(qualified.substring(0, dot).toLowerCase(Locale.ROOT),
                    t -> new HashSet<>()).add(qualified.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
    }

    public List<ReconcileTable> resolve(Database primary, Database secondary) throws SQLException {
        try (Connection primaryConnection = primary.open(); Connection secondaryConnection = secondary.open()) {
            Catalog primaryCatalog = new Catalog(primaryConnection, primary.names());
            Catalog secondaryCatalog = new Catalog(secondaryConnection, secondary.names());
            Map<String, String> primaryTables = primaryCatalog.tables();
            Map<String, String> secondaryTables = secondaryCatalog.tables();
            List<ReconcileTable> tables = new ArrayList<>();
            for (String name : names(primaryTables, secondaryTables)) {
                String lower = name.toLowerCase(Locale.ROOT);
                String onPrimary = primaryTables.get(lower);
                String onSecondary = secondaryTables.get(lower);
                if (onPrimary == null || onSecondary == null) {
                    tables.add(new ReconcileTable(name, null, "no such table on the "
                            + (onPrimary == null ? "primary" : "secondary")));
                    continue;
                }
                try {
                    TablePair pair = TablePair.match(primaryCatalog.shape(onPrimary),
                            secondaryCatalog.shape(onSecondary),
                            ignoredColumns.getOrDefault(lower, Collections.emptySet()));
                    tables.add(new ReconcileTable(onPrimary, pair, null));
                } catch (TableProblem problem) {
                    tables.add(new ReconcileTable(onPrimary, null, problem.getMessage()));
                }
            }
            return tables;
        }
    }

    /** The named tables, else those on both sides that the filter admits. */
    private List<String> names(Map<String, String> primaryTables, Map<String, String> secondaryTables) {
        if (!named.isEmpty()) {
            return named;
        }
        List<String> both = new ArrayList<>();
        for (Map.Entry<String, String> table : primaryTables.entrySet()) {
            if (secondaryTables.containsKey(table.getKey()) && filter.includes(table.getValue())) {
                both.add(table.getValue());
            }
        }
        return both;
    }
}
