package io.dualwrite.sample.load;

import java.sql.SQLException;
import java.util.List;

/**
 * The baseline without the agent: {@link Orders} as plain application code writes to two databases itself. Every
 * write runs on the primary, then the same statement with the same values on the secondary; no retry, no journal,
 * so a failure on the secondary leaves the two sides apart and is only counted. Reads go to the primary alone.
 */
final class HandWrittenDualWrite implements Orders {

    private final OrderStatements primary;
    private final OrderStatements secondary;

    private HandWrittenDualWrite(OrderStatements primary, OrderStatements secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    static HandWrittenDualWrite open(ConnectionSettings primarySettings, ConnectionSettings secondarySettings)
            throws SQLException {
        OrderStatements primary = OrderStatements.open(primarySettings);
        try {
            return new HandWrittenDualWrite(primary, OrderStatements.open(secondarySettings));
        } catch (SQLException | RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    @Override
    public void insert(List<OrderValues> rows) throws SQLException {
        primary.insert(rows);
        secondary.insert(rows);
    }

    @Override
    public void update(OrderChange change) throws SQLException {
        primary.update(change);
        secondary.update(change);
    }

    @Override
    public void delete(long id) throws SQLException {
        primary.delete(id);
        secondary.delete(id);
    }

    @Override
    public void select(long id) throws SQLException {
        primary.select(id);
    }

    @Override
    public boolean usable() {
        return primary.usable() && secondary.usable();
    }

    @Override
    public void close() {
        primary.close();
        secondary.close();
    }
}
