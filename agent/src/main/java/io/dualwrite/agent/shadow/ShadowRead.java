package io.dualwrite.agent.shadow;

import io.dualwrite.agent.capture.Parameter;
import java.util.Objects;

/** One query whose primary result was copied, waiting to be run on the secondary and compared. */
public final class ShadowRead {

    private final String sql;
    private final Parameter[] parameters;
    private final boolean ordered;
    private final int maxRows;
    private final RowsCopy primary;
    private final SecondaryQuery secondary;

    /**
     * @param parameters the bound values, captured copies that no later bind of the application changes;
     *                   null for a plain statement
     * @param ordered whether the order of rows is part of the result (the query has an ORDER BY)
     */
    public ShadowRead(String sql, Parameter[] parameters, boolean ordered, int maxRows, RowsCopy primary,
                      SecondaryQuery secondary) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.parameters = parameters;
        this.ordered = ordered;
        this.maxRows = maxRows;
        this.primary = Objects.requireNonNull(primary, "primary");
        this.secondary = Objects.requireNonNull(secondary, "secondary");
    }

    public String sql() {
        return sql;
    }

    /** The bound values; null for a plain statement, which the secondary runs unprepared. */
    public Parameter[] parameters() {
        return parameters;
    }

    public boolean ordered() {
        return ordered;
    }

    public int maxRows() {
        return maxRows;
    }

    public RowsCopy primary() {
        return primary;
    }

    public SecondaryQuery secondary() {
        return secondary;
    }
}
