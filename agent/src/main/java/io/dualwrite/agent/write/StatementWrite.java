package io.dualwrite.agent.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** SQL text run through a plain {@code Statement}: one execution, or the SQL of every batch entry. */
public final class StatementWrite extends BatchableWrite {

    private final List<String> sql;

    public StatementWrite(List<String> sql, String description, boolean batch) {
        super(description, batch);
        this.sql = sql;
    }

    @Override
    public void applyTo(Connection secondary, int timeoutSeconds) throws SQLException {
        try (Statement statement = secondary.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            if (!isBatch()) {
                statement.execute(sql.get(0));
                return;
            }
            for (String entry : sql) {
                statement.addBatch(entry);
            }
            statement.executeBatch();
        }
    }

    @Override
    public int entries() {
        return sql.size();
    }

    @Override
    public List<String> sqlTexts() {
        return sql;
    }
}
