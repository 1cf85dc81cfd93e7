package io.dualwrite.agent.translate;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.JdbcNamedParameter;

/** The constant values a rewriting step adds to a statement: each becomes a bound value, never SQL text. */
final class Constants {

    private final List<Object> values = new ArrayList<>();

    /** A placeholder for {@code value}, to put where the value goes. */
    JdbcNamedParameter add(Object value) {
        values.add(value);
        return new JdbcNamedParameter(Placeholders.constantName(values.size()));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Object[] toArray() {
        return values.toArray();
    }
}
