package io.dualwrite.sample.scenario;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Calls a JDBC method a driver may not implement, and falls back to a plainer one when it does not. */
final class Fallback {

    /** pgjdbc reports some unimplemented methods as a plain PSQLException with this SQL state. */
    private static final String FEATURE_NOT_SUPPORTED_STATE = "0A000";

    interface SqlCall<T> {
        T call() throws SQLException;
    }

    private Fallback() {
    }

    static <T> T call(String preferredName, SqlCall<T> preferred, String fallbackName, SqlCall<T> fallback)
            throws SQLException {
        try {
            return preferred.call();
        } catch (SQLException | UnsupportedOperationException e) {
            if (!isNotSupported(e)) {
                throw e;
            }
        }
        System.out.println(preferredName + " not supported by the driver, used " + fallbackName);
        return fallback.call();
    }

    private static boolean isNotSupported(Exception e) {
        return e instanceof SQLFeatureNotSupportedException
                || e instanceof UnsupportedOperationException
                || FEATURE_NOT_SUPPORTED_STATE.equals(((SQLException) e).getSQLState());
    }
}
