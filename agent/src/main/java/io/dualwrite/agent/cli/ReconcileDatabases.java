package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.DatabaseEndpoint;
import io.dualwrite.agent.mirror.SecondaryDriver;
import io.dualwrite.agent.reconcile.Database;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The two databases verify, repair and backfill connect to, from the configuration's {@code primary.url} and
 * {@code secondary.url}, each through its driver (from {@code driver-jar}: under {@code java -jar} there is no
 * application class path), each tried once before any work so that a wrong URL or password is said at once.
 */
final class ReconcileDatabases {

    final Database primary;
    final Database secondary;

    private ReconcileDatabases(Database primary, Database secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    static ReconcileDatabases connect(AgentConfig config, Path file, String command) throws CommandFailure {
        DatabaseEndpoint primary = config.primaryConnection().orElseThrow(() -> new CommandFailure(file
                + " has no primary.url: " + command + " connects to the primary with primary.url (and primary.user, "
                + "primary.password, primary.driver-jar); the agent itself needs only primary.url-pattern"));
        DatabaseEndpoint secondary = config.secondary();
        if (secondary == null) {
            throw new CommandFailure(file + " has no secondary section: " + command + " needs secondary.url");
        }
        DriverManager.setLoginTimeout((int) Math.max(1, (secondary.connectTimeoutMs() + 999L) / 1000));
        ReconcileDatabases databases = new ReconcileDatabases(database("primary", primary, file),
                database("secondary", secondary, file));
        tryConnecting(databases.primary, "primary", primary);
        tryConnecting(databases.secondary, "secondary", secondary);
        return databases;
    }

    private static Database database(String role, DatabaseEndpoint endpoint, Path file) throws CommandFailure {
        Optional<Path> jar = endpoint.driverJar();
        try {
            return new Database(role, new SecondaryDriver(endpoint.url(), jar).get(), endpoint.url(),
                    endpoint.redactedUrl(), endpoint.connectionProperties());
        } catch (MalformedURLException | SQLException notFound) {
            throw new CommandFailure("no JDBC driver for the " + role + " " + endpoint.redactedUrl() + " was found"
                    + jar.map(path -> " in " + path).orElse("") + "; give its driver jar as " + role
                    + ".driver-jar in " + file);
        }
    }

    private static void tryConnecting(Database database, String role, DatabaseEndpoint endpoint)
            throws CommandFailure {
        try (Connection connection = database.open()) {
            connection.isValid(1);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String check = state.startsWith("28")
                    ? "the " + role + " refused the user or password: check " + role + ".user and " + role + ".password"
                    : "check that the " + role + " is up and reachable from here, and " + role + ".url, user and "
                    + "password";
            throw new CommandFailure("connecting to the " + role + " " + endpoint.redactedUrl()
                    + (endpoint.user() == null ? "" : " as " + endpoint.user()) + " failed ("
                    + e.getClass().getSimpleName() + ", SQLState " + state + "): " + check);
        }
    }

    /**
     * A failure while reading or writing, without the values a driver may quote: the first line of its message
     * (PostgreSQL's detail, which quotes keys, comes after it), quoted literals masked for data and constraint
     * errors (SQLState classes 22 and 23), which quote the offending value.
     */
    static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().split("\\R", 2)[0];
        if (state.startsWith("22") || state.startsWith("23")) {
            message = message.replaceAll("'[^']*'", "'...'");
        }
        return e.getClass().getSimpleName() + " (SQLState " + state + "): " + message;
    }
}
