package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code secondary} section: the database that writes are mirrored to.
 *
 * <p>{@link #toString()} never shows the password, secret properties or secrets in the URL.
 */
public final class SecondaryConfig implements DatabaseEndpoint {

    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int MIN_POOL_SIZE = 1;
    public static final int MAX_POOL_SIZE = 256;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    public static final int MIN_CONNECT_TIMEOUT_MS = 1;
    public static final int MAX_CONNECT_TIMEOUT_MS = 600_000;
    public static final int DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
    public static final int MIN_STATEMENT_TIMEOUT_MS = 1;
    public static final int MAX_STATEMENT_TIMEOUT_MS = 3_600_000;

    private final ConnectionSettings connection;
    private final int poolSize;
    private final int connectTimeoutMs;
    private final int statementTimeoutMs;

    /**
     * @param url                the JDBC URL; must start with {@code jdbc:}
     * @param user               the user, or null
     * @param password           the password, or null
     * @param driverJar          the driver jar, or null to use the driver visible to the application
     * @param properties         driver properties (copied)
     * @param poolSize           1..256
     * @param connectTimeoutMs   1..600000
     * @param statementTimeoutMs 1..3600000
     * @throws IllegalArgumentException when a value is out of range (the message shows no secrets)
     */
    public SecondaryConfig(String url, String user, String password, Path driverJar, Map<String, String> properties,
                           int poolSize, int connectTimeoutMs, int statementTimeoutMs) {
        this(new ConnectionSettings(url, user, password, driverJar, properties), poolSize, connectTimeoutMs,
                statementTimeoutMs);
    }

    SecondaryConfig(ConnectionSettings connection, int poolSize, int connectTimeoutMs, int statementTimeoutMs) {
        check("poolSize", poolSize, MIN_POOL_SIZE, MAX_POOL_SIZE);
        check("connectTimeoutMs", connectTimeoutMs, MIN_CONNECT_TIMEOUT_MS, MAX_CONNECT_TIMEOUT_MS);
        check("statementTimeoutMs", statementTimeoutMs, MIN_STATEMENT_TIMEOUT_MS, MAX_STATEMENT_TIMEOUT_MS);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.poolSize = poolSize;
        this.connectTimeoutMs = connectTimeoutMs;
        this.statementTimeoutMs = statementTimeoutMs;
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is not in " + min + ".." + max);
        }
    }

    @Override
    public String url() {
        return connection.url();
    }

    @Override
    public String redactedUrl() {
        return connection.redactedUrl();
    }

    @Override
    public String user() {
        return connection.user();
    }

    /** The password, or null. Secret. */
    public String password() {
        return connection.password();
    }

    @Override
    public Optional<Path> driverJar() {
        return connection.driverJar();
    }

    @Override
    public Properties connectionProperties() {
        return connection.connectionProperties();
    }

    /** The number of connections to the secondary database. */
    public int poolSize() {
        return poolSize;
    }

    /** How long opening a connection to the secondary database may take. */
    @Override
    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    /** How long one statement on the secondary database may take. */
    public int statementTimeoutMs() {
        return statementTimeoutMs;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SecondaryConfig)) {
            return false;
        }
        SecondaryConfig other = (SecondaryConfig) o;
        return connection.equals(other.connection) && poolSize == other.poolSize
                && connectTimeoutMs == other.connectTimeoutMs && statementTimeoutMs == other.statementTimeoutMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connection, poolSize, connectTimeoutMs, statementTimeoutMs);
    }

    /** A summary without secrets. */
    @Override
    public String toString() {
        StringBuilder sb = connection.appendTo(new StringBuilder("SecondaryConfig{"), "(application class path)");
        sb.append(", poolSize=").append(poolSize);
        sb.append(", connectTimeoutMs=").append(connectTimeoutMs);
        sb.append(", statementTimeoutMs=").append(statementTimeoutMs);
        return sb.append('}').toString();
    }
}
