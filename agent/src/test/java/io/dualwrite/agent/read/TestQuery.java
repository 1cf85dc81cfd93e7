package io.dualwrite.agent.read;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real H2 statement as read routing sees it, standing in for the capture package's followed statement: the
 * values bound through {@link #setInt} are captured as the agent captures them.
 */
final class TestQuery implements QueryStatement {

    private final Statement statement;
    private final String preparedSql;
    private final ReadSession session;
    private final List<Parameter> parameters = new ArrayList<>();
    private StatementReads reads;

    TestQuery(Statement statement, String preparedSql, ReadSession session) {
        this.statement = statement;
        this.preparedSql = preparedSql;
        this.session = session;
    }

    /** Binds on the H2 statement and captures the value. */
    TestQuery setInt(int index, int value) throws SQLException {
        ((PreparedStatement) statement).setInt(index, value);
        while (parameters.size() < index) {
            parameters.add(null);
        }
        parameters.set(index - 1, Parameter.restore(Setter.forKey("setInt(II)V"), new Object[] {index, value}));
        return this;
    }

    Statement jdbc() {
        return statement;
    }

    @Override
    public Object statement() {
        return statement;
    }

    @Override
    public String preparedSql() {
        return preparedSql;
    }

    @Override
    public Parameter[] parameters() {
        return parameters.toArray(new Parameter[0]);
    }

    @Override
    public boolean autoCommit() {
        try {
            return statement.getConnection().getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ReadSession session() {
        return session;
    }

    @Override
    public StatementReads reads() {
        if (reads == null) {
            reads = new StatementReads();
        }
        return reads;
    }
}
