package io.dualwrite.agent.read;

import io.dualwrite.agent.mirror.SecondaryPool;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The secondary's result, statement and read-pool connection behind one routed result set. Closed once: by the
 * application closing the result, its statement or its connection, or, should the application drop the result
 * unclosed, by the cleaner once the result is unreachable; the connection goes back to the pool either way.
 * Holds nothing of the application's, so that an unclosed result can be collected.
 */
final class SecondaryLease implements Runnable {

    private final ResultSet rows;
    private final Statement statement;
    private final Connection connection;
    private final SecondaryPool pool;
    private final ReadSession session;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean broken;

    SecondaryLease(ResultSet rows, Statement statement, Connection connection, SecondaryPool pool,
            ReadSession session) {
        this.rows = rows;
        this.statement = statement;
        this.connection = connection;
        this.pool = pool;
        this.session = session;
        session.opened(this);
    }

    /** A failure reading the rows that leaves the connection unusable: it is closed rather than pooled. */
    void broken() {
        broken = true;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void run() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        session.closed(this);
        CallDepth.suppress();
        try {
            rows.close();
            statement.close();
        } catch (SQLException | RuntimeException e) {
            broken = true;
        } finally {
            CallDepth.unsuppress();
            pool.release(connection, broken);
        }
    }
}
