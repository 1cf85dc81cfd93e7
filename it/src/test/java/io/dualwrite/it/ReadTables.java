package io.dualwrite.it;

import io.dualwrite.sample.ReadSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The tables of the sample's {@code reads} scenario ({@link ReadSchema}), created and seeded on one database
 * directly over JDBC, in this JVM: the agent, which only follows the forked application, sees none of it.
 */
final class ReadTables {

    /** The rows of {@code marker_reads} and {@code marker_excluded}: the scenario is run with {@code --rows 10}. */
    static final int MARKER_ROWS = 10;

    private ReadTables() {
    }

    /** Creates the read tables afresh, with the marker rows naming {@code source}. */
    static void recreate(TestDatabase db, String source) {
        try (Connection c = db.connect()) {
            ReadSchema.create(c);
            ReadSchema.seedMarkers(c, source, MARKER_ROWS);
        } catch (SQLException e) {
            throw new AssertionError("could not create the read tables on " + db + ": " + e, e);
        }
    }

    /** Rows 1..rows of every column type, the same values on whichever database. */
    static void seedTyped(TestDatabase db, int rows) {
        try (Connection c = db.connect()) {
            ReadSchema.seedTyped(c, rows);
        } catch (SQLException e) {
            throw new AssertionError("could not seed " + ReadSchema.TYPES + " on " + db + ": " + e, e);
        }
    }

    /** One statement with bound values, in auto-commit; returns the update count. */
    static int execute(TestDatabase db, String sql, Object... values) {
        try (Connection c = db.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql + " on " + db + ": " + e, e);
        }
    }
}
