package io.dualwrite.agent.shadow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Compares the primary's and the secondary's results of one query, columns by position (drivers and
 * databases spell labels differently, so labels are only shown), at the fractional-second precision of the
 * less precise column, in order or as multisets of rows.
 */
public final class ResultComparison {

    /** How long a value may get in a mismatch: enough to recognise it, not a whole document. */
    static final int MAX_VALUE_CHARS = 200;

    /** How many unmatched secondary rows are searched for the one closest to an unmatched primary row. */
    private static final int MAX_CANDIDATES = 1000;

    private ResultComparison() {
    }

    /**
     * The first difference, or null when the results are equal.
     *
     * @param ordered whether the order of rows matters (an ORDER BY); otherwise duplicates still count
     */
    public static Mismatch compare(RowsCopy primary, RowsCopy secondary, boolean ordered) {
        if (primary.columnCount() != secondary.columnCount()) {
            return new Mismatch(Mismatch.Kind.COLUMN_COUNT, -1, null, String.valueOf(primary.columnCount()),
                    String.valueOf(secondary.columnCount()), primary.rowCount(), secondary.rowCount());
        }
        int[] digits = new int[primary.columnCount()];
        for (int c = 0; c < digits.length; c++) {
            digits[c] = Math.min(primary.fractionDigits(c), secondary.fractionDigits(c));
        }
        return ordered ? inOrder(primary, secondary, digits) : asMultisets(primary, secondary, digits);
    }

    private static Mismatch inOrder(RowsCopy primary, RowsCopy secondary, int[] digits) {
        int common = Math.min(primary.rowCount(), secondary.rowCount());
        for (int r = 0; r < common; r++) {
            int column = firstDifference(primary, r, secondary, r, digits);
            if (column >= 0) {
                return valueMismatch(primary, r, secondary, r, column, digits);
            }
        }
        if (primary.rowCount() > common) {
            return rowMismatch(Mismatch.Kind.ROW_MISSING_ON_SECONDARY, primary, common, secondary, digits);
        }
        if (secondary.rowCount() > common) {
            return rowMismatch(Mismatch.Kind.ROW_EXTRA_ON_SECONDARY, secondary, common, primary, digits);
        }
        return null;
    }

    /** Sorts both results by a rendering of each row and walks them side by side, as a merge does. */
    private static Mismatch asMultisets(RowsCopy primary, RowsCopy secondary, int[] digits) {
        String[] primaryKeys = keys(primary, digits);
        String[] secondaryKeys = keys(secondary, digits);
        Integer[] p = sortedIndices(primaryKeys);
        Integer[] s = sortedIndices(secondaryKeys);
        List<Integer> unmatchedPrimary = new ArrayList<>();
        List<Integer> unmatchedSecondary = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < p.length || j < s.length) {
            int order = i == p.length ? 1 : j == s.length ? -1 : primaryKeys[p[i]].compareTo(secondaryKeys[s[j]]);
            if (order == 0) {
                i++;
                j++;
            } else if (order < 0) {
                unmatchedPrimary.add(p[i++]);
            } else {
                unmatchedSecondary.add(s[j++]);
            }
        }
        if (unmatchedPrimary.isEmpty() && unmatchedSecondary.isEmpty()) {
            return null;
        }
        if (unmatchedPrimary.isEmpty()) {
            int extra = unmatchedSecondary.stream().min(Integer::compare).orElseThrow();
            return rowMismatch(Mismatch.Kind.ROW_EXTRA_ON_SECONDARY, secondary, extra, primary, digits);
        }
        int first = unmatchedPrimary.stream().min(Integer::compare).orElseThrow();
        if (unmatchedSecondary.isEmpty()) {
            return rowMismatch(Mismatch.Kind.ROW_MISSING_ON_SECONDARY, primary, first, secondary, digits);
        }
        int closest = closest(primary, first, secondary, unmatchedSecondary, digits);
        return valueMismatch(primary, first, secondary, closest, firstDifference(primary, first, secondary, closest,
                digits), digits);
    }

    /** The unmatched secondary row that differs from the primary's row in the fewest columns: its counterpart. */
    private static int closest(RowsCopy primary, int row, RowsCopy secondary, List<Integer> candidates,
                               int[] digits) {
        int best = candidates.get(0);
        int fewest = Integer.MAX_VALUE;
        for (int candidate : candidates.subList(0, Math.min(candidates.size(), MAX_CANDIDATES))) {
            int differing = 0;
            for (int c = 0; c < digits.length && differing < fewest; c++) {
                if (!cell(primary, row, c, digits).equals(cell(secondary, candidate, c, digits))) {
                    differing++;
                }
            }
            if (differing < fewest) {
                fewest = differing;
                best = candidate;
            }
        }
        return best;
    }

    private static String[] keys(RowsCopy copy, int[] digits) {
        String[] keys = new String[copy.rowCount()];
        StringBuilder key = new StringBuilder();
        for (int r = 0; r < keys.length; r++) {
            key.setLength(0);
            for (int c = 0; c < digits.length; c++) {
                String cell = cell(copy, r, c, digits);
                // length first, so that no value's text can pass for a boundary between columns
                key.append(cell.length()).append(':').append(cell);
            }
            keys[r] = key.toString();
        }
        return keys;
    }

    private static Integer[] sortedIndices(String[] keys) {
        Integer[] indices = new Integer[keys.length];
        Arrays.setAll(indices, i -> i);
        Arrays.sort(indices, Comparator.comparing(i -> keys[i]));
        return indices;
    }

    private static int firstDifference(RowsCopy primary, int primaryRow, RowsCopy secondary, int secondaryRow,
                                       int[] digits) {
        for (int c = 0; c < digits.length; c++) {
            if (!cell(primary, primaryRow, c, digits).equals(cell(secondary, secondaryRow, c, digits))) {
                return c;
            }
        }
        return -1;
    }

    private static String cell(RowsCopy copy, int row, int column, int[] digits) {
        return ValueNormalizer.canonical(copy.value(row, column), digits[column]);
    }

    private static Mismatch valueMismatch(RowsCopy primary, int primaryRow, RowsCopy secondary, int secondaryRow,
                                          int column, int[] digits) {
        String label = primary.label(column);
        String other = secondary.label(column);
        if (label == null) {
            label = other;
        } else if (other != null && !label.equalsIgnoreCase(other)) {
            label = label + " / " + other;
        }
        return new Mismatch(Mismatch.Kind.VALUE, primaryRow, label,
                ValueNormalizer.display(primary.value(primaryRow, column), digits[column], MAX_VALUE_CHARS),
                ValueNormalizer.display(secondary.value(secondaryRow, column), digits[column], MAX_VALUE_CHARS),
                primary.rowCount(), secondary.rowCount());
    }

    /** A row present in {@code copy} only, shown whole on its side. */
    private static Mismatch rowMismatch(Mismatch.Kind kind, RowsCopy copy, int row, RowsCopy other, int[] digits) {
        StringBuilder shown = new StringBuilder("[");
        for (int c = 0; c < digits.length; c++) {
            String value = ValueNormalizer.display(copy.value(row, c), digits[c], MAX_VALUE_CHARS);
            shown.append(c > 0 ? ", " : "").append(value == null ? "NULL" : value);
        }
        String whole = shown.append(']').toString();
        boolean onPrimary = kind == Mismatch.Kind.ROW_MISSING_ON_SECONDARY;
        return new Mismatch(kind, row, null, onPrimary ? whole : null, onPrimary ? null : whole,
                onPrimary ? copy.rowCount() : other.rowCount(), onPrimary ? other.rowCount() : copy.rowCount());
    }
}
