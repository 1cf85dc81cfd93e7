package io.dualwrite.agent.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@link NondeterministicScanner} found in one SQL text: the expressions each database would evaluate on its
 * own, where each one stands, whether it could be replaced by a bound value, and where the text's {@code ?}
 * placeholders are.
 */
public final class NondeterministicSql {

    static final NondeterministicSql NONE = new NondeterministicSql(List.of(), new int[0]);

    private final List<Expression> expressions;
    private final int[] placeholders;
    private final List<String> names;

    NondeterministicSql(List<Expression> expressions, int[] placeholders) {
        this.expressions = Collections.unmodifiableList(new ArrayList<>(expressions));
        this.placeholders = placeholders;
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            distinct.add(expression.name);
        }
        this.names = List.copyOf(distinct);
    }

    /** Whether the text holds no non-deterministic expression. */
    public boolean isEmpty() {
        return expressions.isEmpty();
    }

    /** The distinct expressions found, in the order of the text, e.g. {@code [now(), random()]}. */
    public List<String> names() {
        return names;
    }

    /** Every expression found, in the order of the text. */
    public List<Expression> expressions() {
        return expressions;
    }

    /** The positions of the text's {@code ?} placeholders, in order (a copy). */
    public int[] placeholders() {
        return placeholders.clone();
    }

    /** One non-deterministic expression: the text from {@link #start} to {@link #end} (exclusive). */
    public static final class Expression {
        final String name;
        final int start;
        final int end;
        final String unreplaceable;

        Expression(String name, int start, int end, String unreplaceable) {
            this.name = name;
            this.start = start;
            this.end = end;
            this.unreplaceable = unreplaceable;
        }

        /** How the expression is known, e.g. {@code now()} or {@code CURRENT_TIMESTAMP}. */
        public String name() {
            return name;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        /** Why a bound value cannot take its place, or null when one can. */
        public String unreplaceableReason() {
            return unreplaceable;
        }

        @Override
        public String toString() {
            return name + "@" + start + ".." + end + (unreplaceable == null ? "" : " (" + unreplaceable + ")");
        }
    }
}
