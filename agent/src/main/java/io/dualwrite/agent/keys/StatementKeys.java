package io.dualwrite.agent.keys;

import java.sql.ResultSet;

/**
 * What the agent knows of one statement that asks the driver for generated keys: whether the agent asked in the
 * application's place, and the keys of its last execution when the agent read them. Used by one thread at a time,
 * as JDBC statements are.
 */
final class StatementKeys {

    /** The agent made the driver return keys the application did not ask for. */
    boolean askedByAgent;
    /** The keys of the last execution, once the agent has read them from the driver; else null. */
    CopiedKeys copied;
    /** What {@code getGeneratedKeys()} gave the application, when the driver gives the same object every time. */
    ResultSet answered;

    void executed() {
        copied = null;
        answered = null;
    }
}
