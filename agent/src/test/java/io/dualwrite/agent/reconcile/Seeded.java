package io.dualwrite.agent.reconcile;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of 20 rows on the primary, copied to the secondary and then made to differ there in every way verify
 * tells apart: rows missing (the first, one in the middle, the last), rows extra (before the first key and after
 * the last), and rows different: a value against NULL, a value against an empty string, an empty string against
 * NULL, a timestamp a second later, and two columns at once. Every row's {@code secret} column holds
 * {@link ReconcileFixture#SECRET}, which nothing may show.
 */
enum Seeded {

    /** Numbers sort alike everywhere: both sides are read in key order and merged. */
    INTEGER_KEY("items", "id BIGINT PRIMARY KEY", true) {
        @Override
        String values(int i) {
            return String.valueOf(i);
        }

        @Override
        String where(int i) {
            return "id = " + i;
        }

        @Override
        String text(int i) {
            return "id=" + i;
        }
    },
    /** Text sorts by each database's collation: keys are looked up on the other side. */
    VARCHAR_KEY("tags", "code VARCHAR(20) PRIMARY KEY", false) {
        @Override
        String values(int i) {
            return "'" + code(i) + "'";
        }

        @Override
        String where(int i) {
            return "code = '" + code(i) + "'";
        }

        @Override
        String text(int i) {
            return "code='" + code(i) + "'";
        }

        private String code(int i) {
            return String.format("k-%02d", i);
        }
    },
    /** A composite key with a text part: looked up, a key of two columns at a time. */
    COMPOSITE_KEY("entries", "tenant INT NOT NULL, code VARCHAR(20) NOT NULL", false) {
        @Override
        String constraint() {
            return ", PRIMARY KEY (tenant, code)";
        }

        @Override
        String values(int i) {
            return (i % 3) + ", 'c-" + i + "'";
        }

        @Override
        String where(int i) {
            return "tenant = " + (i % 3) + " AND code = 'c-" + i + "'";
        }

        @Override
        String text(int i) {
            return "tenant=" + (i % 3) + ", code='c-" + i + "'";
        }
    };

    static final int ROWS = 20;

    final String table;
    final String keyColumns;
    final boolean merged;

    Seeded(String table, String keyColumns, boolean merged) {
        this.table = table;
        this.keyColumns = keyColumns;
        this.merged = merged;
    }

    /** The key's values of row i, as SQL literals. */
    abstract String values(int i);

    abstract String where(int i);

    /** Row i's key as the commands show it. */
    abstract String text(int i);

    String constraint() {
        return "";
    }

    String create() {
        return "CREATE TABLE " + table + " (" + keyColumns + ", label VARCHAR(50), note VARCHAR(50), "
                + "amount NUMERIC(10,2), at TIMESTAMP, secret VARCHAR(50)" + constraint() + ")";
    }

    String insert(int i) {
        return "INSERT INTO " + table + " VALUES (" + values(i) + ", 'label-" + i + "', 'note-" + i + "', " + i
                + ".25, TIMESTAMP '2024-03-01 10:00:00' + INTERVAL '" + i + "' MINUTE, '" + ReconcileFixture.SECRET
                + "')";
    }

    /** Creates the table on both sides with rows 1..20 on both. */
    void createEqual(ReconcileFixture fixture) throws SQLException {
        fixture.both(create());
        List<String> inserts = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            inserts.add(insert(i));
        }
        fixture.both(inserts.toArray(new String[0]));
    }

    /** Creates the table on both sides and makes the secondary differ; the differences, as {@link #expected}. */
    void createDiffering(ReconcileFixture fixture) throws SQLException {
        createEqual(fixture);
        fixture.primary("UPDATE " + table + " SET note = '' WHERE " + where(8));
        fixture.secondary(
                "DELETE FROM " + table + " WHERE " + where(1),
                "DELETE FROM " + table + " WHERE " + where(10),
                "DELETE FROM " + table + " WHERE " + where(20),
                insert(0),
                insert(21),
                "UPDATE " + table + " SET note = NULL WHERE " + where(3),
                "UPDATE " + table + " SET label = '' WHERE " + where(5),
                "UPDATE " + table + " SET at = at + INTERVAL '1' SECOND WHERE " + where(7),
                "UPDATE " + table + " SET note = NULL WHERE " + where(8),
                "UPDATE " + table + " SET label = 'changed', amount = 99 WHERE " + where(12));
    }

    /** What verify finds after {@link #createDiffering}, sorted as {@link #line} renders them. */
    List<String> expected() {
        List<String> lines = new ArrayList<>(List.of(
                "missing " + text(1), "missing " + text(10), "missing " + text(20),
                "extra " + text(0), "extra " + text(21),
                "different " + text(3) + ": note",
                "different " + text(5) + ": label",
                "different " + text(7) + ": at",
                "different " + text(8) + ": note",
                "different " + text(12) + ": label, amount"));
        lines.sort(null);
        return lines;
    }

    static String line(Difference difference) {
        return difference.kind().label() + " " + difference.keyText()
                + (difference.columns().isEmpty() ? "" : ": " + String.join(", ", difference.columns()));
    }
}
