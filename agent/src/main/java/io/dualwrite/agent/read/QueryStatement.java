package io.dualwrite.agent.read;

import io.dualwrite.agent.capture.Parameter;

/** The application's statement as read routing sees it: the capture package's followed statement. */
public interface QueryStatement {

    /** The driver's statement object the application called. */
    Object statement();

    /** The SQL it was prepared with; null for a plain statement. */
    String preparedSql();

    /** The values bound now, as a copy. */
    Parameter[] parameters();

    /** Whether its connection is in auto-commit mode. */
    boolean autoCommit();

    ReadSession session();

    /** Its read state, made on first use. */
    StatementReads reads();
}
