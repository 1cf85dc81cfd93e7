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

    /** MySQL/MariaDB duplicate entry (with and without key name), SQL Server's two, Oracle's ORA-00001. */
    private static final int[] DUPLICATE_KEY_CODES_OF_23000 = {1062, 1586, 2627, 2601, 1};

    /** Whether {@code failure} is a unique or primary key violation: the row is there already. */
    public static boolean isDuplicateKey(Throwable failure) {
        if (!(failure instanceof SQLException)) {
            return false;
        }
        SQLException sql = (SQLException) failure;
        if ("23505".equals(sql.getSQLState())) {
            return true;
        }
        if (!"23000".equals(sql.getSQLState())) {
            return false;
        }
        for (int code : DUPLICATE_KEY_CODES_OF_23000) {
            if (sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

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
