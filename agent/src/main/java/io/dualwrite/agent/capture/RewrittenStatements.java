package io.dualwrite.agent.capture;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import io.dualwrite.agent.nondeterministic.NondeterministicWrites;
import io.dualwrite.agent.nondeterministic.RewritePlan;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;

/**
 * Rewrite mode ({@code writes.nondeterministic: rewrite}): the prepared statements whose SQL the agent rewrote, each
 * with its plan. Before every execution and every batch row, the statement's expressions are evaluated once on its own
 * connection, in the application's transaction, and the values are bound both on the driver's statement and in what
 * is captured for the mirror, so the two sides get the same values.
 */
final class RewrittenStatements {

    private static final String SET_OBJECT = "setObject(ILjava/lang/Object;)V";

    private final NondeterministicWrites writes;
    private final Logger log;
    /**
     * The plan whose SQL this thread just handed to a driver's prepareStatement, until its statement is returned.
     */
    private final ThreadLocal<RewritePlan> preparing = new ThreadLocal<>();
    private final WeakConcurrentMap<Object, RewritePlan> byStatement = new WeakConcurrentMap.WithInlinedExpunction<>();

    RewrittenStatements(NondeterministicWrites writes, Logger log) {
        this.writes = writes;
        this.log = log;
    }

    /** The SQL to prepare instead of {@code sql}, which is a write to mirror. */
    String prepare(String sql) {
        RewritePlan plan = writes.planFor(sql);
        if (plan == null) {
            return sql;
        }
        preparing.set(plan);
        return plan.sql();
    }

    /**
     * A statement was prepared with {@code sql}: when that is the text this thread's last {@link #prepare} returned,
     * the statement is followed. A driver whose prepareStatement calls another of its overloads reports the same
     * statement twice; the first report takes the plan.
     */
    void created(Object statement, String sql) {
        RewritePlan plan = preparing.get();
        if (plan != null && plan.sql().equals(sql)) {
            preparing.remove();
            byStatement.put(statement, plan);
        }
    }

    int parameterIndex(Object statement, int index) {
        RewritePlan plan = byStatement.get(statement);
        return plan == null ? index : plan.parameterIndex(index);
    }

    /**
     * Evaluates the statement's expressions and binds their values. When the evaluation fails, they stay unbound and
     * the driver refuses the execution, as the primary would have refused the expression itself.
     */
    void bind(Object statement, StatementState state) {
        RewritePlan plan = byStatement.get(statement);
        if (plan == null) {
            return;
        }
        PreparedStatement prepared = (PreparedStatement) statement;
        int[] indexes = plan.valueIndexes();
        CallDepth.suppress();
        try {
            Object[] values = evaluate(prepared, plan);
            for (int i = 0; i < indexes.length; i++) {
                prepared.setObject(indexes[i], values[i]);
                state.bind(SET_OBJECT, new Object[] {indexes[i], values[i]});
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("the non-deterministic expressions of a rewritten statement could not be evaluated on the "
                    + "primary ({}): {}", e.getMessage(), plan.evaluation());
        } finally {
            CallDepth.unsuppress();
        }
    }

    private static Object[] evaluate(PreparedStatement statement, RewritePlan plan) throws SQLException {
        Object[] values = new Object[plan.valueIndexes().length];
        try (Statement query = statement.getConnection().createStatement();
             ResultSet row = query.executeQuery(plan.evaluation())) {
            if (!row.next()) {
                throw new SQLException("the evaluation returned no row");
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getObject(i + 1);
            }
        }
        return values;
    }
}
