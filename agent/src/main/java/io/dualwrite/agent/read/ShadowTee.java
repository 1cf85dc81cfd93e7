package io.dualwrite.agent.read;

import io.dualwrite.agent.shadow.RowsCopy;
import io.dualwrite.agent.shadow.ShadowOutcomes;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The primary's rows of a shadowed read, handed to the application unchanged while each row it moves to is
 * copied, up to {@code shadow-max-rows}: the application waits for nothing but that copy. Once the rows run
 * out, or the application closes them (the rest, within the bound, is copied first), the copy goes off to be
 * compared. A result the application scrolls back and forth cannot be copied in order and is skipped.
 */
final class ShadowTee extends ResultSetProxy {

    private final ShadowPlan plan;
    private final Comparisons comparisons;
    private final ShadowOutcomes outcomes;
    private RowsCopy.Builder copy;

    /** Where a finished copy goes to be compared. */
    interface Comparisons {
        void compare(ShadowPlan plan, RowsCopy primaryRows);
    }

    ShadowTee(ResultSet rows, ShadowPlan plan, Comparisons comparisons, ShadowOutcomes outcomes) throws SQLException {
        super(rows);
        this.plan = plan;
        this.comparisons = comparisons;
        this.outcomes = outcomes;
        this.copy = RowsCopy.builder(rows.getMetaData(), plan.maxRows);
    }

    @Override
    Object answer(Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "next":
                return next();
            case "close":
                finish();
                return pass(method, args);
            case "previous":
            case "absolute":
            case "relative":
            case "first":
            case "last":
            case "beforeFirst":
            case "afterLast":
                abandon();
                return pass(method, args);
            default:
                return pass(method, args);
        }
    }

    private boolean next() throws SQLException {
        boolean more = target.next();
        if (copy != null && (!more || !copy.addRow(target))) {
            submit();
        }
        return more;
    }

    /** Copies what the application left unread, within the bound, and submits the copy. */
    void finish() {
        if (copy == null) {
            return;
        }
        try {
            while (target.next() && copy.addRow(target)) {
                // copying the rows after the one the application stopped at
            }
        } catch (SQLException | RuntimeException e) {
            abandon();
            return;
        }
        submit();
    }

    private void submit() {
        RowsCopy rows = copy.build();
        copy = null;
        comparisons.compare(plan, rows);
    }

    private void abandon() {
        if (copy != null) {
            copy = null;
            outcomes.skipped();
        }
    }
}
