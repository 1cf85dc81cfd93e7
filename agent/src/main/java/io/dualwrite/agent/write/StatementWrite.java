package io.dualwrite.agent.write;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.translate.JdbcUniqueKeys;
import io.dualwrite.agent.translate.SecondaryStatement;
import io.dualwrite.agent.translate.StatementTranslator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQL text run through a plain {@code Statement}: one execution, or the SQL of every batch entry. */
public final class StatementWrite extends BatchableWrite {

    private static final Parameter[] NO_VALUES = new Parameter[0];

    private final List<String> sql;

    public StatementWrite(List<String> sql, String description, boolean batch) {
        super(description, batch);
        this.sql = sql;
    }

    /**
     * Translated, an entry may gain values to bind (a mapping's constants): then each entry runs as a prepared
     * statement of its own, else all as one statement batch.
     */
    @Override
    public void applyTo(Connection secondary, StatementTranslator translator, int timeoutSeconds)
            throws SQLException {
        List<SecondaryStatement> targets = new ArrayList<>(sql.size());
        boolean bindsValues = false;
        JdbcUniqueKeys keys = new JdbcUniqueKeys(secondary);
        for (String entry : sql) {
            SecondaryStatement target = translator.translate(entry, keys);
            if (!target.runsNothing()) {
                targets.add(target);
                bindsValues |= target.hasParameters(0);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        if (bindsValues) {
            for (SecondaryStatement target : targets) {
                applyPrepared(secondary, target, timeoutSeconds);
            }
            return;
        }
        try (Statement statement = secondary.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            if (!isBatch()) {
                statement.execute(targets.get(0).sql());
                return;
            }
            for (SecondaryStatement target : targets) {
                statement.addBatch(target.sql());
            }
            statement.executeBatch();
        }
    }

    private static void applyPrepared(Connection secondary, SecondaryStatement target, int timeoutSeconds)
            throws SQLException {
        try (PreparedStatement statement = secondary.prepareStatement(target.sql())) {
            statement.setQueryTimeout(timeoutSeconds);
            for (Parameter value : target.bind(NO_VALUES)) {
                value.bind(statement);
            }
            statement.execute();
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
