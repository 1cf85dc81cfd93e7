package io.dualwrite.agent.write;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.translate.JdbcUniqueKeys;
import io.dualwrite.agent.translate.SecondaryStatement;
import io.dualwrite.agent.translate.StatementTranslator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A prepared statement's SQL with the values of one execution, or of every row of a batch. */
public final class PreparedWrite extends BatchableWrite {

    private final String sql;
    private final List<Parameter[]> rows;

    public PreparedWrite(String sql, String description, List<Parameter[]> rows, boolean batch) {
        super(description, batch);
        this.sql = sql;
        this.rows = rows;
    }

    /**
     * One batch holding every row of {@code writes}, which all have the same SQL: consecutive single writes
     * sent to the secondary in one round trip.
     */
    public static PreparedWrite batchOf(List<PreparedWrite> writes) {
        List<Parameter[]> rows = new ArrayList<>();
        for (PreparedWrite write : writes) {
            rows.addAll(write.rows);
        }
        PreparedWrite first = writes.get(0);
        return new PreparedWrite(first.sql, first.description(), rows, true);
    }

    @Override
    public void applyTo(Connection secondary, StatementTranslator translator, int timeoutSeconds)
            throws SQLException {
        SecondaryStatement target = translator.translate(sql, new JdbcUniqueKeys(secondary));
        if (target.runsNothing()) {
            return;
        }
        try (PreparedStatement statement = secondary.prepareStatement(target.sql())) {
            statement.setQueryTimeout(timeoutSeconds);
            if (!isBatch()) {
                bind(statement, target.bind(rows.get(0)));
                statement.execute();
                return;
            }
            for (Parameter[] row : rows) {
                bind(statement, target.bind(row));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Parameter[] row) throws SQLException {
        for (Parameter parameter : row) {
            if (parameter != null) {
                parameter.bind(statement);
            }
        }
    }

    public String sql() {
        return sql;
    }

    public List<Parameter[]> rows() {
        return rows;
    }

    @Override
    public int entries() {
        return rows.size();
    }

    @Override
    public List<String> sqlTexts() {
        return List.of(sql);
    }
}
