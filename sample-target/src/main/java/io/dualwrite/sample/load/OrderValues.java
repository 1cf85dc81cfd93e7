package io.dualwrite.sample.load;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Random;

/** The values of one new row of {@code bench_orders}, bound as parameters of {@link OrdersTable#INSERT}. */
final class OrderValues {

    private static final String[] STATUSES = {"new", "paid", "shipped", "delivered", "cancelled"};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 15, 12, 0);

    private final long id;
    private final String customer;
    private final BigDecimal amount;
    private final String status;
    private final Timestamp created;
    /** Null for some rows, so the nullable column holds both. */
    private final String note;

    private OrderValues(long id, String customer, BigDecimal amount, String status, Timestamp created, String note) {
        this.id = id;
        this.customer = customer;
        this.amount = amount;
        this.status = status;
        this.created = created;
        this.note = note;
    }

    /**
     * An initial row, computed from its id alone, so that in hand-written dual-write mode each side is filled with
     * the same rows without sharing anything.
     */
    static OrderValues initial(long id) {
        return new OrderValues(id, "customer-" + id % 5_000, BigDecimal.valueOf(id * 7_919 % 10_000_000, 2),
                STATUSES[(int) (id % STATUSES.length)], timestamp(id, id % 1_000_000),
                id % 5 == 0 ? null : "initial row " + id);
    }

    /** A row the workload inserts. */
    static OrderValues random(long id, Random random) {
        return new OrderValues(id, "customer-" + random.nextInt(5_000), amount(random), status(random),
                timestamp(id, random.nextInt(1_000_000)), note(random));
    }

    void bindInsert(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, customer);
        insert.setBigDecimal(3, amount);
        insert.setString(4, status);
        insert.setTimestamp(5, created);
        bindNote(insert, 6, note);
    }

    static BigDecimal amount(Random random) {
        // up to 9,999,999.99, well inside NUMERIC(12,2)
        return BigDecimal.valueOf(random.nextInt(1_000_000_000), 2);
    }

    static String status(Random random) {
        return STATUSES[random.nextInt(STATUSES.length)];
    }

    static String note(Random random) {
        return random.nextInt(5) == 0 ? null : "note " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    static void bindNote(PreparedStatement statement, int index, String note) throws SQLException {
        if (note == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, note);
        }
    }

    /** Microsecond precision, which both sides' timestamp columns keep (TIMESTAMP(6), DATETIME(6)). */
    private static Timestamp timestamp(long id, long micros) {
        return Timestamp.valueOf(EPOCH.plusSeconds(id % 10_000_000).plusNanos(micros * 1_000L));
    }
}
