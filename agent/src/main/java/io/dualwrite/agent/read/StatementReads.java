package io.dualwrite.agent.read;

/**
 * What read routing holds for one statement: the rows the secondary answered its last query with, or the
 * shadow copy of the primary's rows under way. Executing again or closing the statement ends both, as JDBC
 * closes a statement's result then. Used by one thread at a time, as JDBC statements are.
 */
public final class StatementReads {

    private RoutedResultSet routed;
    private boolean moreResultsTaken;
    private ShadowPlan armed;
    private ShadowPlan forResultSet;
    private ShadowTee tee;

    /** The statement runs a new query, or closes: what its last one left open is finished. */
    public void end() {
        if (routed != null) {
            routed.close();
            routed = null;
        }
        finishCopy();
        armed = null;
        forResultSet = null;
    }

    /** The primary's rows are about to be closed: the shadow copy takes what is left of them first. */
    void finishCopy() {
        if (tee != null) {
            tee.finish();
            tee = null;
        }
    }

    void routed(RoutedResultSet result) {
        routed = result;
        moreResultsTaken = false;
    }

    /** The secondary's rows when the last query was answered by it, else null. */
    RoutedResultSet routed() {
        return routed;
    }

    /** {@code getMoreResults()}: the routed rows are closed and nothing follows them. */
    void takeMoreResults() {
        if (routed != null) {
            routed.close();
        }
        moreResultsTaken = true;
    }

    boolean moreResultsTaken() {
        return moreResultsTaken;
    }

    void arm(ShadowPlan plan) {
        armed = plan;
    }

    ShadowPlan takeArmed() {
        ShadowPlan plan = armed;
        armed = null;
        return plan;
    }

    /** {@code execute()} returned rows: the shadow copy starts when the application asks for them. */
    void awaitResultSet(ShadowPlan plan) {
        forResultSet = plan;
    }

    ShadowPlan takeForResultSet() {
        ShadowPlan plan = forResultSet;
        forResultSet = null;
        return plan;
    }

    void copying(ShadowTee copy) {
        tee = copy;
    }
}
