package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How the verify, repair and backfill commands connect to the primary database: the {@code primary} section's
 * {@code url}, {@code user}, {@code password}, {@code driver-jar} and {@code properties}. The agent itself never
 * uses it; it mirrors the application's own connections, chosen by {@code primary.url-pattern}.
 *
 * <p>{@link #toString()} never shows the password, secret properties or secrets in the URL.
 */
public final class PrimaryConnection implements DatabaseEndpoint {

    private final ConnectionSettings connection;

    /**
     * @param url        the JDBC URL; must start with {@code jdbc:}
     * @param user       the user, or null
     * @param password   the password, or null
     * @param driverJar  the driver jar, or null to use the driver on the class path
     * @param properties driver properties (copied), or null for none
     * @throws IllegalArgumentException when the URL does not start with {@code jdbc:} (the message shows no secrets)
     */
    public PrimaryConnection(String url, String user, String password, Path driverJar,
                             Map<String, String> properties) {
        this(new ConnectionSettings(url, user, password, driverJar, properties));
    }

    PrimaryConnection(ConnectionSettings connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
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

    /** {@link SecondaryConfig#DEFAULT_CONNECT_TIMEOUT_MS}: there is no key for it. */
    @Override
    public int connectTimeoutMs() {
        return SecondaryConfig.DEFAULT_CONNECT_TIMEOUT_MS;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PrimaryConnection && connection.equals(((PrimaryConnection) o).connection);
    }

    @Override
    public int hashCode() {
        return connection.hashCode();
    }

    /** A summary without secrets. */
    @Override
    public String toString() {
        return connection.appendTo(new StringBuilder("PrimaryConnection{"), "(class path)").append('}').toString();
    }
}
