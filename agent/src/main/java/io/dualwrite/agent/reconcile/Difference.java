package io.dualwrite.agent.reconcile;

import java.util.Collections;
import java.util.List;

/** A key whose rows differ between the sides, confirmed by reading both again: never the values themselves. */
public final class Difference {

    /** How the secondary's row differs from the primary's. */
    public enum Kind {
        /** The primary has the row, the secondary does not. */
        MISSING,
        /** The secondary has a row the primary does not. */
        EXTRA,
        /** Both have the row, with different values in {@link #columns()}. */
        DIFFERENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final TablePair table;
    private final Kind kind;
    private final Object[] key;
    private final Side keySide;
    private final List<String> columns;

    Difference(TablePair table, Kind kind, Object[] key, Side keySide, List<String> columns) {
        this.table = table;
        this.kind = kind;
        this.key = key;
        this.keySide = keySide;
        this.columns = Collections.unmodifiableList(columns);
    }

    public Kind kind() {
        return kind;
    }

    /** The differing columns (the primary's names) of a {@link Kind#DIFFERENT} row; else empty. */
    public List<String> columns() {
        return columns;
    }

    /** The key as people read it, e.g. {@code id=17} or {@code tenant=3, code='a-1'}. */
    public String keyText() {
        return KeyText.render(table, key, keySide);
    }

    /** The key as a JSON object, e.g. {@code {"id":17}}. */
    public String keyJson() {
        return KeyText.json(table, key, keySide);
    }

    Object[] key() {
        return key;
    }

    Side keySide() {
        return keySide;
    }

    /**
     * What differs between the two sides' rows of one key, null when they are equal or both absent.
     *
     * @param key the key's values, as read from {@code keySide}
     */
    static Difference between(TablePair table, Object[] key, Side keySide, Row primary, Row secondary) {
        if (primary == null) {
            return secondary == null ? null
                    : new Difference(table, Kind.EXTRA, key, keySide, Collections.emptyList());
        }
        if (secondary == null) {
            return new Difference(table, Kind.MISSING, key, keySide, Collections.emptyList());
        }
        List<String> columns = table.differingColumns(primary, secondary);
        return columns.isEmpty() ? null : new Difference(table, Kind.DIFFERENT, key, keySide, columns);
    }
}
