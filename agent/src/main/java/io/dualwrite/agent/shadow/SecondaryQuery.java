package io.dualwrite.agent.shadow;

import io.dualwrite.agent.capture.Parameter;

/** Runs a shadow read's query on the secondary and copies its result; supplied by whoever owns the connections. */
@FunctionalInterface
public interface SecondaryQuery {

    /**
     * @param maxRows the most rows to keep; the copy should read one more to tell an over-limit result
     *                ({@link RowsCopy#readAll} does)
     */
    RowsCopy run(String sql, Parameter[] params, int maxRows) throws Exception;
}
