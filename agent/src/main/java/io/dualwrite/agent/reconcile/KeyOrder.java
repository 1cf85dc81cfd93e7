package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.shadow.ValueNormalizer;
import java.sql.Types;

/**
 * The order of keys made of numbers, dates and wall-clock times, which every database sorts alike: for such keys
 * the two sides' rows can be walked side by side in key order and matched as they come (a merge). Text, UUIDs
 * and bytes are sorted by each database's own collation or rules, so their keys are matched by lookups instead.
 */
final class KeyOrder {

    private final TablePair table;

    private KeyOrder(TablePair table) {
        this.table = table;
    }

    /** The order of the table's keys when both sides sort them alike; null when they may not. */
    static KeyOrder of(TablePair table) {
        for (int i = 0; i < table.keySize; i++) {
            ColumnPair column = table.columns.get(i);
            if (!sortsAlike(column.primary.sqlType) || !sortsAlike(column.secondary.sqlType)) {
                return null;
            }
        }
        return new KeyOrder(table);
    }

    private static boolean sortsAlike(int sqlType) {
        return ValueBinder.isExactNumeric(sqlType) || sqlType == Types.DATE || sqlType == Types.TIMESTAMP;
    }

    /** Compares a primary row's key with a secondary row's. */
    int compare(Object[] primary, Object[] secondary) {
        for (int i = 0; i < table.keySize; i++) {
            int order = compare(primary[i], secondary[i], table.columns.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object primary, Object secondary, ColumnPair column) {
        if (primary instanceof Long && secondary instanceof Long) {
            return Long.compare((Long) primary, (Long) secondary);
        }
        Comparable a = (Comparable) ValueNormalizer.normalize(primary, column.primary.sqlType);
        Comparable b = (Comparable) ValueNormalizer.normalize(secondary, column.secondary.sqlType);
        return a.compareTo(b);
    }
}
