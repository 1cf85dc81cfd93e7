package io.dualwrite.agent.keys;

import io.dualwrite.agent.shadow.RowsCopy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows {@code getGeneratedKeys()} gave the agent after one execution, kept as the driver returned them (its
 * metadata too), so that the application can be given the same rows afterwards.
 */
final class CopiedKeys {

    private final List<String> labels;
    private final List<Object[]> rows;
    private final ResultSetMetaData metaData;

    private CopiedKeys(List<String> labels, List<Object[]> rows, ResultSetMetaData metaData) {
        this.labels = labels;
        this.rows = rows;
        this.metaData = metaData;
    }

    /** Reads {@code keys} to its end and closes it. */
    static CopiedKeys readAll(ResultSet keys) throws SQLException {
        try (ResultSet rs = keys) {
            ResultSetMetaData metaData = rs.getMetaData();
            int count = metaData.getColumnCount();
            List<String> labels = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                labels.add(metaData.getColumnLabel(i));
            }
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[count];
                for (int i = 0; i < count; i++) {
                    row[i] = RowsCopy.materialize(rs.getObject(i + 1));
                }
                rows.add(row);
            }
            return of(labels, rows, metaData);
        }
    }

    static CopiedKeys of(List<String> labels, List<Object[]> rows, ResultSetMetaData metaData) {
        return new CopiedKeys(Collections.unmodifiableList(labels), Collections.unmodifiableList(rows), metaData);
    }

    List<String> labels() {
        return labels;
    }

    List<Object[]> rows() {
        return rows;
    }

    ResultSetMetaData metaData() {
        return metaData;
    }

    /**
     * The column holding key {@code key} (0-based), or -1: by its label, else, when {@code onlyColumn}, the only
     * column whatever its name (MariaDB's {@code insert_id}, MySQL's {@code GENERATED_KEY}).
     */
    int columnOf(String key, boolean onlyColumn) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(key)) {
                return i;
            }
        }
        return onlyColumn && labels.size() == 1 ? 0 : -1;
    }
}
