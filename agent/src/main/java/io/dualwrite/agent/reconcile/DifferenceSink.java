package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.sql.SQLException;

/** Where confirmed differences go: a report, the screen, a repair. Called by one thread at a time. */
public interface DifferenceSink {

    void accept(Difference difference) throws IOException, SQLException;
}
