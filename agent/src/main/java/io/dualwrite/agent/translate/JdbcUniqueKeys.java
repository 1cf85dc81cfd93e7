package io.dualwrite.agent.translate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The unique keys of a table as a connection's metadata describes them (its unique indexes). */
public final class JdbcUniqueKeys implements UniqueKeys {

    private final Connection connection;

    public JdbcUniqueKeys(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<UniqueKey> of(String schema, String table) throws SQLException {
        // a null schema would match the table in every schema
        String inSchema = schema != null ? schema : connection.getSchema();
        DatabaseMetaData metadata = connection.getMetaData();
        Map<String, Map<Short, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> partial = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getIndexInfo(connection.getCatalog(), inSchema, table, true, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                if (index == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                        || rows.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                columns.computeIfAbsent(index, name -> new TreeMap<>())
                        .put(rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
                partial.merge(index, rows.getString("FILTER_CONDITION") != null, Boolean::logicalOr);
            }
        }
        List<UniqueKey> keys = new ArrayList<>();
        columns.forEach((index, ordered) ->
                keys.add(new UniqueKey(index, new ArrayList<>(ordered.values()), partial.get(index))));
        return keys;
    }
}
