package io.dualwrite.agent.replay;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure on the secondary may pass by itself (the server is down, busy, restarting, or chose this
 * transaction as a deadlock victim), so the record must wait and be tried again, or is in the record itself
 * (a constraint, the syntax, a value), so trying again would fail the same way.
 */
public enum FailureKind {
    TRANSIENT, PERMANENT;

    /** SQL state classes of failures that pass: connection, transaction rollback, resources, operator, system. */
    private static final String[] TRANSIENT_CLASSES = {"08", "40", "53", "57", "58", "HY"};

    public static FailureKind of(Throwable failure) {
        if (!(failure instanceof SQLException)) {
            return TRANSIENT;
        }
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
            return TRANSIENT;
        }
        String state = ((SQLException) failure).getSQLState();
        if (state == null || state.length() < 2) {
            return TRANSIENT;
        }
        for (String transientClass : TRANSIENT_CLASSES) {
            if (state.startsWith(transientClass)) {
                return TRANSIENT;
            }
        }
        return PERMANENT;
    }
}
