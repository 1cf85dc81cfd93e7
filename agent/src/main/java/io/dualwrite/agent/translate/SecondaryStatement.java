package io.dualwrite.agent.translate;

import io.dualwrite.agent.capture.Parameter;

/**
 * What the secondary runs for one primary SQL text: the text, and for each of its placeholders where the value
 * comes from (a value the primary was given, or a constant of the mapping). Immutable and shared by every
 * execution of that text.
 */
public final class SecondaryStatement {

    private static final Parameter[] NO_VALUES = new Parameter[0];

    private final String sql;
    /** Per placeholder: the primary's parameter index (1-based) when positive, else constant {@code -source - 1}. */
    private final int[] sources;
    private final Object[] constants;
    private final boolean same;

    private SecondaryStatement(String sql, int[] sources, Object[] constants, boolean same) {
        this.sql = sql;
        this.sources = sources;
        this.constants = constants;
        this.same = same;
    }

    /** The primary's statement as it is, values and all. */
    public static SecondaryStatement same(String sql) {
        return new SecondaryStatement(sql, null, null, true);
    }

    /**
     * @param sources   per placeholder of {@code sql}, in order: the primary parameter index (from 1), or
     *                  {@code -(i + 1)} for {@code constants[i]}
     * @param constants values bound by every execution
     */
    public static SecondaryStatement rewritten(String sql, int[] sources, Object[] constants) {
        return new SecondaryStatement(sql, sources.clone(), constants.clone(), false);
    }

    /** Nothing to run: every column the statement changes is one the secondary dropped. */
    public static SecondaryStatement nothing() {
        return new SecondaryStatement(null, new int[0], new Object[0], false);
    }

    /** The SQL to run on the secondary, or null when {@link #runsNothing()}. */
    public String sql() {
        return sql;
    }

    /** Whether the secondary runs the primary's statement unchanged. */
    public boolean isSame() {
        return same;
    }

    /** Whether the secondary has nothing to do for this statement. */
    public boolean runsNothing() {
        return sql == null;
    }

    /** Whether the secondary's statement has placeholders to bind, given how many the primary's had. */
    public boolean hasParameters(int primaryParameters) {
        return same ? primaryParameters > 0 : sources.length > 0;
    }

    /** How many placeholders the rewritten statement has; 0 for the primary's statement as it is. */
    public int placeholderCount() {
        return same ? 0 : sources.length;
    }

    /**
     * Where placeholder {@code placeholder} (from 1) of the rewritten statement takes its value: the primary's
     * parameter index (from 1), or 0 when it takes a constant ({@link #constantOf}).
     */
    public int primaryParameterOf(int placeholder) {
        return Math.max(0, sources[placeholder - 1]);
    }

    /** The constant that placeholder {@code placeholder} (from 1) takes, when {@link #primaryParameterOf} is 0. */
    public Object constantOf(int placeholder) {
        return constants[-sources[placeholder - 1] - 1];
    }

    /** The values to bind on the secondary for one execution that bound {@code primary} on the primary. */
    public Parameter[] bind(Parameter[] primary) {
        if (same) {
            return primary;
        }
        if (sources.length == 0) {
            return NO_VALUES;
        }
        Parameter[] values = new Parameter[sources.length];
        for (int i = 0; i < sources.length; i++) {
            int source = sources[i];
            if (source > 0) {
                Parameter value = source <= primary.length ? primary[source - 1] : null;
                values[i] = value == null ? null : value.at(i + 1);
            } else {
                values[i] = Parameter.constant(i + 1, constants[-source - 1]);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return same ? "same: " + sql : runsNothing() ? "nothing" : sql;
    }
}
