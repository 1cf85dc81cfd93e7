package io.dualwrite.agent.read;

import io.dualwrite.agent.write.WriteUnit;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The secondary's answer to a routed query, as the application sees it: the secondary's rows and metadata,
 * but {@code getStatement()} is the application's own statement, and closing it (or the statement, or the
 * connection) gives the agent's connection back to its pool. The application's statement is held weakly: the
 * agent keeps this result with the statement's own state, which must not keep the statement alive.
 */
final class RoutedResultSet extends ResultSetProxy {

    private static final Cleaner UNCLOSED = Cleaner.create();

    private final WeakReference<Object> applicationStatement;
    private final SecondaryLease lease;
    private final Cleaner.Cleanable cleanable;

    RoutedResultSet(ResultSet rows, Object applicationStatement, SecondaryLease lease) {
        super(rows);
        this.applicationStatement = new WeakReference<>(applicationStatement);
        this.lease = lease;
        this.cleanable = UNCLOSED.register(proxy(), lease);
    }

    @Override
    Object answer(Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getStatement":
                return applicationStatement.get();
            case "close":
                close();
                return null;
            case "isClosed":
                return lease.isClosed() || target.isClosed();
            default:
                try {
                    return pass(method, args);
                } catch (SQLException e) {
                    if (WriteUnit.isConnectionLost(e)) {
                        lease.broken();
                    }
                    throw e;
                }
        }
    }

    void close() {
        cleanable.clean();
    }
}
