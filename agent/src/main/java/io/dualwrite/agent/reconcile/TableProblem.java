package io.dualwrite.agent.reconcile;

/** Why a table cannot be reconciled (no key, missing on a side), said in one line; other tables go on. */
public final class TableProblem extends Exception {

    private static final long serialVersionUID = 1L;

    TableProblem(String message) {
        super(message, null, false, false);
    }
}
