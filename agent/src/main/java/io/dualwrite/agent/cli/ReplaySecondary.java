package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.SecondaryConfig;
import io.dualwrite.agent.replay.Replayer;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * Connections to the secondary for a replay from the command line: straight from its driver, within the
 * configured timeouts, remembering the last failure so the command can say what to check.
 */
final class ReplaySecondary implements Replayer.Secondary {

    private final Driver driver;
    private final SecondaryConfig config;
    private volatile SQLException lastFailure;

    ReplaySecondary(Driver driver, SecondaryConfig config) {
        this.driver = driver;
        this.config = config;
    }

    @Override
    public Connection open() throws SQLException {
        try {
            Connection connection = driver.connect(config.url(), config.connectionProperties());
            if (connection == null) {
                throw new SQLException("the driver " + driver.getClass().getName() + " did not accept the URL",
                        "08001");
            }
            try {
                // a frozen secondary fails the read after the statement timeout instead of hanging replay
                connection.setNetworkTimeout(Runnable::run, config.statementTimeoutMs());
            } catch (SQLException | AbstractMethodError | UnsupportedOperationException notSupported) {
                // the query timeout still applies
            }
            return connection;
        } catch (SQLException e) {
            lastFailure = e;
            throw e;
        }
    }

    /**
     * What to check after a failed connection, naming the URL (secrets masked) and the user, never the password
     * nor the driver's message, which may quote them. Null when no connection failed.
     */
    String connectionAdvice() {
        SQLException failure = lastFailure;
        if (failure == null) {
            return null;
        }
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String who = config.redactedUrl() + (config.user() == null ? "" : " as " + config.user());
        String check = state.startsWith("28")
                ? "the secondary refused the user or password: check secondary.user and secondary.password"
                : "check that the secondary is up and reachable from here, and secondary.url, user and password";
        return "connecting to " + who + " failed (" + failure.getClass().getSimpleName() + ", SQLState " + state
                + "): " + check;
    }
}
