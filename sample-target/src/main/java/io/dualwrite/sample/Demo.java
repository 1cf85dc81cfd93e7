package io.dualwrite.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Writes a short story to the primary only, then shows both databases side by side. Equal tables mean the
 * agent mirrored every write.
 */
public final class Demo {

    /** H2 fixes a database's admin user when it creates the file; the demo's agent configuration uses sa. */
    private static final String H2_USER = "sa";

    private static final String[] COMPARED_TABLES = {"items", "batch_rows"};

    private int step;

    private Demo() {
    }

    /** Returns whether the two databases ended up equal. */
    public static boolean run(String primaryUrl, String secondaryUrl) throws SQLException {
        String secondaryProduct;
        try (Connection secondary = connect(secondaryUrl)) {
            Schema.create(secondary);
            secondaryProduct = Dialect.of(secondary).displayName();
        }
        try (Connection primary = connect(primaryUrl)) {
            Schema.create(primary);
            System.out.println("Created the tables on both databases (" + Dialect.of(primary).displayName()
                    + " primary, " + secondaryProduct + " secondary). Now writing to the PRIMARY only:");
            new Demo().writeStory(primary);
        }
        try (Connection primary = connect(primaryUrl); Connection secondary = connect(secondaryUrl)) {
            return compare(primary, secondary);
        }
    }

    private void writeStory(Connection primary) throws SQLException {
        try (Statement statement = primary.createStatement()) {
            say("Statement insert: item 1 'Espresso cup'");
            statement.executeUpdate("INSERT INTO items (id, name, qty, price, active, created_at, note) VALUES"
                    + " (1, 'Espresso cup', 12, 3.5000, TRUE, TIMESTAMP '2024-05-01 09:00:00', 'Grüße 👋')");
        }
        say("PreparedStatement inserts: items 2 'Milk jug' and 3 'Tamper'");
        try (PreparedStatement insert = primary.prepareStatement("INSERT INTO items"
                + " (id, name, qty, price, active, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insertItem(insert, 2, "Milk jug", 4, "18.9900");
            insertItem(insert, 3, "Tamper", 1, "24.5000");
        }
        say("Batch: 5 rows into batch_rows in one executeBatch()");
        try (PreparedStatement batch = primary.prepareStatement(
                "INSERT INTO batch_rows (id, label, n) VALUES (?, ?, ?)")) {
            for (int n = 1; n <= 5; n++) {
                batch.setLong(1, n);
                batch.setString(2, "batch row " + n);
                batch.setInt(3, n * n);
                batch.addBatch();
            }
            batch.executeBatch();
        }
        primary.setAutoCommit(false);
        try (PreparedStatement insert = primary.prepareStatement("INSERT INTO items"
                + " (id, name, qty, price, active, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            say("Committed transaction: items 4 'Grinder' and 5 'Scale'");
            insertItem(insert, 4, "Grinder", 2, "149.0000");
            insertItem(insert, 5, "Scale", 3, "29.9500");
            primary.commit();
            say("Rolled-back transaction: item 6 'Never sold' (must appear on neither side)");
            insertItem(insert, 6, "Never sold", 0, "0.0000");
            primary.rollback();
        }
        primary.setAutoCommit(true);
        try (Statement statement = primary.createStatement()) {
            say("Update: item 2 qty 4 -> 40");
            statement.executeUpdate("UPDATE items SET qty = 40 WHERE id = 2");
            say("Delete: item 3");
            statement.executeUpdate("DELETE FROM items WHERE id = 3");
        }
    }

    private void say(String what) {
        step++;
        System.out.println("  step " + step + ": " + what);
    }

    private static void insertItem(PreparedStatement insert, long id, String name, int qty, String price)
            throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, name);
        insert.setInt(3, qty);
        insert.setBigDecimal(4, new BigDecimal(price));
        insert.setBoolean(5, qty > 0);
        insert.setTimestamp(6, Timestamp.valueOf(LocalDateTime.of(2024, 5, (int) id, 10, 30, 0, 250_000_000)));
        insert.setString(7, name + " – ✓");
        insert.executeUpdate();
    }

    private static boolean compare(Connection primary, Connection secondary) throws SQLException {
        int compared = 0;
        int differing = 0;
        for (String table : COMPARED_TABLES) {
            TableComparison comparison = TableComparison.of(table, primary, secondary);
            System.out.println();
            comparison.print(System.out);
            compared += comparison.rowsCompared();
            differing += comparison.rowsDiffering();
        }
        System.out.println();
        if (differing == 0) {
            System.out.println("RESULT: primary and secondary are EQUAL (" + compared + " rows compared)");
            return true;
        }
        System.out.println("RESULT: primary and secondary DIFFER in " + differing + " rows");
        return false;
    }

    private static Connection connect(String url) throws SQLException {
        return Database.connect(url, url.startsWith("jdbc:h2:") ? H2_USER : null, null);
    }
}
