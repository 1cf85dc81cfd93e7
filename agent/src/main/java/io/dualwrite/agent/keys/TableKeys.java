package io.dualwrite.agent.keys;

import io.dualwrite.agent.sql.SqlTextCache;
import io.dualwrite.agent.translate.KeyedInsert;
import java.util.List;

/** The columns whose values a table generates, and the plan of each INSERT text into it, cached per text. */
final class TableKeys {

    private static final int PLANS_PER_TABLE = 256;

    static final TableKeys NONE = new TableKeys(List.of(), null);

    private final List<String> columns;
    private final String[] columnArray;
    private final SqlTextCache<KeyedInsert.Plan> plans;

    private TableKeys(List<String> columns, KeyedInsert rewrite) {
        this.columns = List.copyOf(columns);
        this.columnArray = columns.toArray(new String[0]);
        this.plans = rewrite == null ? null : new SqlTextCache<>(PLANS_PER_TABLE, sql -> rewrite.plan(sql, this.columns));
    }

    static TableKeys of(List<String> columns, KeyedInsert rewrite) {
        return columns.isEmpty() ? NONE : new TableKeys(columns, rewrite);
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    List<String> columns() {
        return columns;
    }

    /** The names to give {@code prepareStatement(sql, String[])}: a copy, since a driver may keep the array. */
    String[] columnArray() {
        return columnArray.clone();
    }

    KeyedInsert.Plan plan(String sql) {
        return plans.get(sql);
    }
}
