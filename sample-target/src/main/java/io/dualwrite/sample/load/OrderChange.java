package io.dualwrite.sample.load;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;

/** The new values of an update of one row, bound as parameters of {@link OrdersTable#UPDATE}. */
final class OrderChange {

    private final long id;
    private final BigDecimal amount;
    private final String status;
    private final String note;

    private OrderChange(long id, BigDecimal amount, String status, String note) {
        this.id = id;
        this.amount = amount;
        this.status = status;
        this.note = note;
    }

    /** Absolute values, never {@code amount = amount + 1}: applied twice, an update gives the same row. */
    static OrderChange random(long id, Random random) {
        return new OrderChange(id, OrderValues.amount(random), OrderValues.status(random), OrderValues.note(random));
    }

    long id() {
        return id;
    }

    void bindUpdate(PreparedStatement update) throws SQLException {
        update.setBigDecimal(1, amount);
        update.setString(2, status);
        OrderValues.bindNote(update, 3, note);
        update.setLong(4, id);
    }
}
