package io.dualwrite.it;

import io.dualwrite.sample.Schema;
import io.dualwrite.sample.load.OrdersTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The sample application's tables, created in this JVM through its own {@link Schema} (faster than a fork). */
final class SampleSchema {

    private SampleSchema() {
    }

    static List<String> tables() {
        return new ArrayList<>(Schema.tables());
    }

    static void recreate(TestDatabase db) {
        try (Connection c = db.connect()) {
            Schema.create(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new AssertionError("could not create the sample schema on " + db + ": " + e, e);
        }
    }

    /**
     * The load generator's {@code bench_orders}, unless it exists: on a secondary, where the agent does not mirror
     * the application's {@code CREATE TABLE} (writes.ddl is off), as an operator would create it beforehand.
     */
    static void createOrdersTable(TestDatabase db) {
        try (Connection c = db.connect()) {
            OrdersTable.createIfMissing(c);
        } catch (SQLException e) {
            throw new AssertionError("could not create " + OrdersTable.NAME + " on " + db + ": " + e, e);
        }
    }
}
