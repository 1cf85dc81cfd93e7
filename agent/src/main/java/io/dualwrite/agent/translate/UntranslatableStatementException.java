package io.dualwrite.agent.translate;

import java.sql.SQLException;

/**
 * A statement the agent cannot write in the secondary's terms (its dialect, its mapped schema). Its SQL state,
 * {@code 0A000} (feature not supported), marks the failure as one that trying again would repeat, so the write is
 * kept with this reason in the dead-letter file instead of being dropped.
 */
public final class UntranslatableStatementException extends SQLException {

    public static final String SQL_STATE = "0A000";

    private final String reason;

    public UntranslatableStatementException(SqlDialect target, String reason) {
        super("untranslatable for the secondary (" + target + "): " + reason, SQL_STATE);
        this.reason = reason;
    }

    /** Why, without the secondary's dialect. */
    public String reason() {
        return reason;
    }
}
