package io.dualwrite.it;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of one table of one database, ordered by id, with normalised values and lower-case column names. */
final class TableRows {

    final String table;
    final List<String> columns;
    final List<Map<String, Object>> rows;

    TableRows(String table, List<String> columns, List<Map<String, Object>> rows) {
        this.table = table;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = rows;
    }

    int size() {
        return rows.size();
    }

    /** The row whose id equals the given number, or null. */
    Map<String, Object> byId(long id) {
        BigDecimal wanted = BigDecimal.valueOf(id);
        for (Map<String, Object> row : rows) {
            Object value = row.get("id");
            if (value instanceof BigDecimal && ((BigDecimal) value).compareTo(wanted) == 0) {
                return row;
            }
        }
        return null;
    }

    static Map<String, Object> newRow() {
        return new LinkedHashMap<>();
    }
}
