package io.dualwrite.sample.load;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The {@code startup} command, for measuring what an attached agent adds to start-up: prints how long after the
 * JVM's start {@code main} was reached (an agent's {@code premain} runs before it), and, given a database, how long
 * until the first write had run: connecting, the driver's classes loaded (and, attached, instrumented) and one
 * prepared {@code DELETE} of a row that never exists, which the agent mirrors like any write.
 */
public final class StartupTimer {

    private StartupTimer() {
    }

    /** {@code primary} may be null: then only the time to {@code main} is printed. */
    public static int run(long mainReachedMillis, ConnectionSettings primary) throws SQLException {
        System.out.println("startup: main reached after " + mainReachedMillis + " ms");
        if (primary == null) {
            return 0;
        }
        try (Connection connection = primary.connect()) {
            connection.setAutoCommit(true);
            OrdersTable.createIfMissing(connection);
            try (PreparedStatement delete = connection.prepareStatement(OrdersTable.DELETE)) {
                delete.setLong(1, -1);
                delete.executeUpdate();
            }
        }
        System.out.println("startup: first write done after " + uptimeMillis() + " ms");
        return 0;
    }

    /** Milliseconds since the JVM started, as the JVM itself recorded its start. */
    public static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
