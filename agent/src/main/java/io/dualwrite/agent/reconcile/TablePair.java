package io.dualwrite.agent.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One table as both sides have it, matched: the key its rows are matched by (the primary's primary key, else its
 * first unique key over NOT NULL columns, which must be a key on the secondary too), and the columns both sides
 * have, key columns first. Columns only one side has are neither read nor compared, and are listed.
 */
final class TablePair {

    final String name;
    final TableShape primary;
    final TableShape secondary;
    /** Key columns first ({@link #keySize} of them), then the others in the primary's order. */
    final List<ColumnPair> columns;
    final int keySize;
    final List<String> onlyOnPrimary;
    final List<String> onlyOnSecondary;

    private TablePair(TableShape primary, TableShape secondary, List<ColumnPair> columns, int keySize,
            List<String> onlyOnPrimary, List<String> onlyOnSecondary) {
        this.name = primary.name;
        this.primary = primary;
        this.secondary = secondary;
        this.columns = Collections.unmodifiableList(columns);
        this.keySize = keySize;
        this.onlyOnPrimary = onlyOnPrimary;
        this.onlyOnSecondary = onlyOnSecondary;
    }

    /**
     * @param ignored lower-case names of the columns not to compare
     * @throws TableProblem when the primary has no key, or the secondary lacks its columns or a key on them
     */
    static TablePair match(TableShape primary, TableShape secondary, Set<String> ignored) throws TableProblem {
        List<String> key = primary.key();
        if (key.isEmpty()) {
            throw new TableProblem("no primary key nor unique key over NOT NULL columns on the primary: rows cannot "
                    + "be matched; add one, or leave the table out with --tables");
        }
        List<ColumnPair> columns = new ArrayList<>();
        for (String name : key) {
            Column other = secondary.column(name);
            if (other == null) {
                throw new TableProblem("the secondary has no column " + name + ", part of the primary's key " + key);
            }
            if (ignored.contains(name.toLowerCase(Locale.ROOT))) {
                throw new TableProblem("--ignore-columns names " + name + ", a key column: rows are matched by it");
            }
            columns.add(new ColumnPair(primary.column(name), other, true));
        }
        if (!secondary.isKey(key)) {
            throw new TableProblem("the secondary has no primary or unique key on " + key + ", the primary's key: "
                    + "its rows could not be told apart");
        }
        List<String> onlyOnPrimary = new ArrayList<>();
        for (Column column : primary.columns) {
            if (key.contains(column.name)) {
                continue;
            }
            Column other = secondary.column(column.name);
            if (other == null) {
                onlyOnPrimary.add(column.name);
            } else {
                columns.add(new ColumnPair(column, other, !ignored.contains(column.name.toLowerCase(Locale.ROOT))));
            }
        }
        List<String> onlyOnSecondary = new ArrayList<>();
        for (Column column : secondary.columns) {
            if (primary.column(column.name) == null) {
                onlyOnSecondary.add(column.name);
            }
        }
        return new TablePair(primary, secondary, columns, key.size(), onlyOnPrimary, onlyOnSecondary);
    }

    TableShape on(Side side) {
        return side == Side.PRIMARY ? primary : secondary;
    }

    /** The names of the columns read, as {@code side} calls them. */
    List<String> columnNames(Side side, boolean keyOnly) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < (keyOnly ? keySize : columns.size()); i++) {
            names.add(columns.get(i).on(side).name);
        }
        return names;
    }

    /** The compared columns whose values differ between two rows of the same key; empty when they are equal. */
    List<String> differingColumns(Row primaryRow, Row secondaryRow) {
        List<String> differing = new ArrayList<>(0);
        for (int i = keySize; i < columns.size(); i++) {
            ColumnPair column = columns.get(i);
            if (column.compared && !column.sameValue(primaryRow.values[i], secondaryRow.values[i])) {
                differing.add(column.name());
            }
        }
        return differing;
    }

    /** The key's comparable form: equal on both sides for the same key. */
    String keyText(Object[] values, Side side) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keySize; i++) {
            String value = columns.get(i).canonical(values[i], side);
            text.append(value.length()).append(':').append(value);
        }
        return text.toString();
    }
}
