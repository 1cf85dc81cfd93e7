package fakejdbc;

import java.sql.Connection;
import java.util.Arrays;

/**
 * A statement of {@link FakeConnection}, plain or prepared: every execution reports one row updated (a batch one
 * per entry) and is counted on its connection; everything else is accepted and ignored.
 */
final class FakeStatement extends AcceptingPreparedStatement {

    private final FakeConnection connection;
    private int batchEntries;
    /** What getUpdateCount answers: 1 after execute, -1 (no more results) once getMoreResults moved past it. */
    private int updateCount = -1;

    FakeStatement(FakeConnection connection) {
        this.connection = connection;
    }

    @Override
    public int executeUpdate() {
        return executed();
    }

    @Override
    public int executeUpdate(String sql) {
        return executed();
    }

    @Override
    public long executeLargeUpdate() {
        return executed();
    }

    @Override
    public long executeLargeUpdate(String sql) {
        return executed();
    }

    /** An update count, as for a write; no result set. */
    @Override
    public boolean execute() {
        executed();
        return false;
    }

    @Override
    public boolean execute(String sql) {
        executed();
        return false;
    }

    /** Counts one execution on the connection; returns its update count, 1. */
    private int executed() {
        connection.executed();
        updateCount = 1;
        return updateCount;
    }

    @Override
    public int getUpdateCount() {
        return updateCount;
    }

    @Override
    public boolean getMoreResults() {
        updateCount = -1;
        return false;
    }

    @Override
    public void addBatch() {
        batchEntries++;
    }

    @Override
    public void addBatch(String sql) {
        batchEntries++;
    }

    @Override
    public void clearBatch() {
        batchEntries = 0;
    }

    @Override
    public int[] executeBatch() {
        connection.executed();
        int[] counts = new int[batchEntries];
        Arrays.fill(counts, 1);
        batchEntries = 0;
        return counts;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }
}
