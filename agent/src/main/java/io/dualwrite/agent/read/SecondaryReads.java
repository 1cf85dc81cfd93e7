package io.dualwrite.agent.read;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.mirror.SecondaryPool;
import io.dualwrite.agent.shadow.RowsCopy;
import io.dualwrite.agent.write.WriteUnit;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs reads on the secondary, on connections of the read pool: a routed query on the application's thread,
 * which takes a free connection or none (a busy pool sends the read to the primary rather than make it wait),
 * and a shadow query on a comparison thread, which may wait. The application's statement lends its settings:
 * result set type, maximum rows, fetch size and query timeout.
 */
final class SecondaryReads implements AutoCloseable {

    private final SecondaryPool pool;
    private final int timeoutSeconds;
    private final long shadowWaitMs;

    SecondaryReads(SecondaryPool pool, int statementTimeoutMs) {
        this.pool = pool;
        this.timeoutSeconds = Math.max(1, (statementTimeoutMs + 999) / 1000);
        this.shadowWaitMs = statementTimeoutMs;
    }

    /** The secondary's rows for the application's query; the connection is held until they are closed. */
    RoutedResultSet query(QueryStatement application, String sql, Parameter[] parameters) throws SQLException {
        CallDepth.suppress();
        Connection connection = null;
        Statement statement = null;
        try {
            connection = pool.borrow(0);
            Statement settings = (Statement) application.statement();
            statement = parameters == null
                    ? connection.createStatement(settings.getResultSetType(), ResultSet.CONCUR_READ_ONLY)
                    : connection.prepareStatement(sql, settings.getResultSetType(), ResultSet.CONCUR_READ_ONLY);
            statement.setMaxRows(settings.getMaxRows());
            statement.setFetchSize(settings.getFetchSize());
            int applicationTimeout = settings.getQueryTimeout();
            statement.setQueryTimeout(applicationTimeout > 0 ? Math.min(applicationTimeout, timeoutSeconds) : timeoutSeconds);
            ResultSet rows = parameters == null ? statement.executeQuery(sql) : bind((PreparedStatement) statement,
                    parameters).executeQuery();
            return new RoutedResultSet(rows, application.statement(),
                    new SecondaryLease(rows, statement, connection, pool, application.session()));
        } catch (SQLException | RuntimeException | LinkageError e) {
            giveBack(connection, statement, e);
            throw e instanceof SQLException ? (SQLException) e : new SQLException("the secondary failed: " + e, e);
        } finally {
            CallDepth.unsuppress();
        }
    }

    /** The secondary's rows for a shadowed query, copied up to {@code maxRows} and one more. */
    RowsCopy copy(String sql, Parameter[] parameters, int maxRows) throws SQLException {
        CallDepth.suppress();
        Connection connection = null;
        Statement statement = null;
        try {
            connection = pool.borrow(shadowWaitMs);
            statement = parameters == null ? connection.createStatement() : connection.prepareStatement(sql);
            statement.setQueryTimeout(timeoutSeconds);
            statement.setMaxRows(maxRows + 1);
            RowsCopy copy;
            try (ResultSet rows = parameters == null ? statement.executeQuery(sql)
                    : bind((PreparedStatement) statement, parameters).executeQuery()) {
                copy = RowsCopy.readAll(rows, maxRows);
            }
            statement.close();
            pool.release(connection, false);
            return copy;
        } catch (SQLException | RuntimeException e) {
            giveBack(connection, statement, e);
            throw e instanceof SQLException ? (SQLException) e : new SQLException("the secondary failed: " + e, e);
        } finally {
            CallDepth.unsuppress();
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Parameter[] parameters) throws SQLException {
        for (Parameter parameter : parameters) {
            if (parameter != null) {
                parameter.bind(statement);
            }
        }
        return statement;
    }

    private void giveBack(Connection connection, Statement statement, Throwable failure) {
        if (connection == null) {
            return;
        }
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // the connection goes back as broken below if the failure was the connection's
        }
        pool.release(connection, WriteUnit.isConnectionLost(failure));
    }

    @Override
    public void close() {
        pool.close();
    }
}
