package io.dualwrite.agent.translate;

import java.util.List;
import java.util.Objects;

/** A unique key of a table (its primary key, a unique constraint or a unique index), by name and columns. */
public final class UniqueKey {

    private final String name;
    private final List<String> columns;
    private final boolean partial;

    /**
     * @param columns the key's columns in order; an expression index holds the expression's text
     * @param partial whether the index covers only the rows its predicate holds for
     */
    public UniqueKey(String name, List<String> columns, boolean partial) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        this.partial = partial;
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean isPartial() {
        return partial;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UniqueKey && name.equals(((UniqueKey) other).name)
                && columns.equals(((UniqueKey) other).columns) && partial == ((UniqueKey) other).partial;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, partial);
    }

    @Override
    public String toString() {
        return name + " (" + String.join(", ", columns) + ")" + (partial ? " partial" : "");
    }
}
