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

    /** Whether the primary's and the secondary's values are the same data. */
    boolean sameValue(Object primaryValue, Object secondaryValue) {
        // most values arrive as the same Java type from both drivers: equal objects need no normalising
        if (primaryValue != null && primaryValue.equals(secondaryValue)) {
            return true;
        }
        return canonical(primaryValue, Side.PRIMARY).equals(canonical(secondaryValue, Side.SECONDARY));
    }

    /** The value as compared: equal for both sides exactly when the values are the same data. */
    String canonical(Object value, Side side) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            // what the normaliser renders for them, without a BigDecimal on the way: keys are mostly integers
            return "n:" + value;
        }
        return ValueNormalizer.canonical(ValueNormalizer.normalize(value, on(side).sqlType), digits);
    }

    /** The name shown to people: the primary's. */
    String name() {
        return primary.name;
    }
}
