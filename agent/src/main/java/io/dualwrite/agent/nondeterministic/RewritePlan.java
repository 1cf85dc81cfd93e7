package io.dualwrite.agent.nondeterministic;

import io.dualwrite.agent.sql.NondeterministicSql;
import java.util.ArrayList;
import java.util.List;

/**
 * How a prepared statement with non-deterministic expressions is rewritten: its SQL with each expression replaced by
 * a {@code ?}, where each of the application's parameters moved, and the query that evaluates the expressions once on
 * the primary, whose values are bound to the new placeholders. The rest of the text is left exactly as written.
 */
public final class RewritePlan {

    private final String sql;
    private final String evaluation;
    private final int[] movedIndexes;
    private final int[] valueIndexes;
    private final List<String> names;

    private RewritePlan(String sql, String evaluation, int[] movedIndexes, int[] valueIndexes, List<String> names) {
        this.sql = sql;
        this.evaluation = evaluation;
        this.movedIndexes = movedIndexes;
        this.valueIndexes = valueIndexes;
        this.names = names;
    }

    /**
     * The plan for {@code sql}, whose expressions {@code found} are (not empty).
     *
     * @throws CannotRewrite when an expression cannot be replaced by a bound value
     */
    static RewritePlan of(String sql, NondeterministicSql found) {
        for (NondeterministicSql.Expression expression : found.expressions()) {
            if (expression.unreplaceableReason() != null) {
                throw new CannotRewrite(expression.name() + " cannot become a bound value: "
                        + expression.unreplaceableReason());
            }
        }
        int[] placeholders = found.placeholders();
        List<NondeterministicSql.Expression> expressions = found.expressions();
        int[] moved = new int[placeholders.length + 1];
        int[] values = new int[expressions.size()];
        StringBuilder rewritten = new StringBuilder(sql.length());
        List<String> selected = new ArrayList<>();
        int copied = 0;
        int next = 0;
        int e = 0;
        for (int p = 0; p <= placeholders.length; p++) {
            int until = p < placeholders.length ? placeholders[p] : Integer.MAX_VALUE;
            for (; e < expressions.size() && expressions.get(e).start() < until; e++) {
                NondeterministicSql.Expression expression = expressions.get(e);
                rewritten.append(sql, copied, expression.start()).append('?');
                copied = expression.end();
                values[e] = ++next;
                selected.add(sql.substring(expression.start(), expression.end()));
            }
            if (p < placeholders.length) {
                moved[p + 1] = ++next;
            }
        }
        rewritten.append(sql, copied, sql.length());
        return new RewritePlan(rewritten.toString(), "SELECT " + String.join(", ", selected), moved, values,
                found.names());
    }

    /** The SQL the driver prepares, with a {@code ?} where each expression was. */
    public String sql() {
        return sql;
    }

    /** The query that evaluates every expression once, in the order of {@link #valueIndexes()}. */
    public String evaluation() {
        return evaluation;
    }

    /**
     * Where the driver has the parameter the application numbers {@code index}. An index past the application's
     * placeholders is moved past the new ones too, so that the driver refuses it as it would have.
     */
    public int parameterIndex(int index) {
        if (index < 1) {
            return index;
        }
        return index < movedIndexes.length ? movedIndexes[index] : index + valueIndexes.length;
    }

    /** The placeholder of each expression's value, in the order of {@link #evaluation()}'s columns (a copy). */
    public int[] valueIndexes() {
        return valueIndexes.clone();
    }

    /** The distinct expressions replaced, e.g. {@code [now(), random()]}. */
    public List<String> names() {
        return names;
    }

    /** Thrown while planning: why a statement is left as written. */
    static final class CannotRewrite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotRewrite(String reason) {
            super(reason, null, false, false);
        }
    }
}
