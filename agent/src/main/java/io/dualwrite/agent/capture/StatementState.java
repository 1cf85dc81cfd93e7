package io.dualwrite.agent.capture;

import io.dualwrite.agent.read.QueryStatement;
import io.dualwrite.agent.read.ReadSession;
import io.dualwrite.agent.read.StatementReads;
import io.dualwrite.agent.sql.SqlInfo;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A followed statement: its connection, the SQL it was prepared with, the values bound now and the rows
 * or SQL texts of its pending batch, and what read routing holds for it. The driver's statement itself is
 * held weakly. Used by one thread at a time, as JDBC statements are.
 */
final class StatementState implements QueryStatement {

    private static final Parameter[] NONE = new Parameter[0];

    final ConnectionState connection;
    final String preparedSql;
    final SqlInfo preparedInfo;

    private final WeakReference<Object> statement;
    private Parameter[] parameters = NONE;
    private List<Parameter[]> batchRows;
    private List<String> batchSql;
    private StatementReads reads;

    StatementState(ConnectionState connection, Object statement, String preparedSql, SqlInfo preparedInfo) {
        this.connection = connection;
        this.statement = new WeakReference<>(statement);
        this.preparedSql = preparedSql;
        this.preparedInfo = preparedInfo;
    }

    @Override
    public Object statement() {
        return statement.get();
    }

    @Override
    public String preparedSql() {
        return preparedSql;
    }

    @Override
    public Parameter[] parameters() {
        return row();
    }

    @Override
    public boolean autoCommit() {
        return connection.autoCommit();
    }

    @Override
    public ReadSession session() {
        return connection.reads;
    }

    @Override
    public StatementReads reads() {
        if (reads == null) {
            reads = new StatementReads();
        }
        return reads;
    }

    /** What read routing holds for this statement, or null when it never ran a query. */
    StatementReads readsOrNull() {
        return reads;
    }

    void bind(String setterKey, Object[] args) {
        int index = (Integer) args[0];
        if (index < 1) {
            return;
        }
        Setter setter = Setter.forKey(setterKey);
        Parameter parameter = setter == null
                ? Parameter.unreplayable(index, setterKey.substring(0, setterKey.indexOf('(')) + " is not a JDBC setter")
                : PortableValues.capture(setter, args);
        if (index > parameters.length) {
            parameters = Arrays.copyOf(parameters, Math.max(index, parameters.length * 2));
        }
        parameters[index - 1] = parameter;
    }

    /** The bound values, as one row. */
    Parameter[] row() {
        int size = parameters.length;
        while (size > 0 && parameters[size - 1] == null) {
            size--;
        }
        return Arrays.copyOf(parameters, size);
    }

    void clearParameters() {
        Arrays.fill(parameters, null);
    }

    void addBatchRow() {
        if (batchRows == null) {
            batchRows = new ArrayList<>();
        }
        batchRows.add(row());
    }

    void addBatchSql(String sql) {
        if (batchSql == null) {
            batchSql = new ArrayList<>();
        }
        batchSql.add(sql);
    }

    List<Parameter[]> batchRows() {
        return batchRows == null ? List.of() : batchRows;
    }

    List<String> batchSql() {
        return batchSql == null ? List.of() : batchSql;
    }

    void clearBatch() {
        batchRows = null;
        batchSql = null;
    }
}
