package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.shadow.ValueNormalizer;

/**
 * A column both sides have, with what each side calls it and how its values are compared: normalised, times
 * at the precision of the less precise of the two columns. An ignored column is copied but not compared.
 */
final class ColumnPair {

    final Column primary;
    final Column secondary;
    final boolean compared;
    private final int digits;

    ColumnPair(Column primary, Column secondary, boolean compared) {
        this.primary = primary;
        this.secondary = secondary;
        this.compared = compared;
        this.digits = Math.min(primary.digits, secondary.digits);
    }

    Column on(Side side) {
        return side == Side.PRIMARY ? primary : secondary;
    }

    /** The value as compared: equal for both sides exactly when the values are the same data. */
    String canonical(Object value, Side side) {
        return ValueNormalizer.canonical(ValueNormalizer.normalize(value, on(side).sqlType), digits);
    }

    /** The name shown to people: the primary's. */
    String name() {
        return primary.name;
    }
}
