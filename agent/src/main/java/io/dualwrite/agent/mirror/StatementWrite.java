package io.dualwrite.agent.mirror;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** SQL text run through a plain {@code Statement}: one execution, or the SQL of every batch entry. */
public final class StatementWrite implements MirroredWrite {

    private final List<String> sql;
    private final String description;
    private final boolean batch;

    public StatementWrite(List<String> sql, String description, boolean batch) {
        this.sql = sql;
        this.description = description;
        this.batch = batch;
    }

    @Override
    public void applyTo(Connection secondary, int timeoutSeconds) throws SQLException {
        try (Statement statement = secondary.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            if (!batch) {
                statement.execute(sql.get(0));
                return;
            }
            for (String entry : sql) {
                statement.addBatch(entry);
            }
            statement.executeBatch();
        }
    }

    public List<String> sql() {
        return sql;
    }

    /** What the write is (kind and table), without the batch size. */
    public String description() {
        return description;
    }

    public boolean isBatch() {
        return batch;
    }

    @Override
    public String describe() {
        return batch ? description + " (batch of " + sql.size() + ")" : description;
    }
}
