package io.dualwrite.sample.load;

import java.sql.SQLException;
import java.util.List;

/** What a worker does to {@code bench_orders}: on one database, or by hand on two. */
interface Orders extends AutoCloseable {

    /** One row with a single statement, or several as one JDBC batch; auto-commit either way. */
    void insert(List<OrderValues> rows) throws SQLException;

    void update(OrderChange change) throws SQLException;

    void delete(long id) throws SQLException;

    /** Reads the row with every column; fails when it is missing, as the worker only asks for its own live rows. */
    void select(long id) throws SQLException;

    /** False when a connection broke, so the worker opens new ones. */
    boolean usable();

    @Override
    void close();
}
