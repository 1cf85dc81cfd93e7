package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code secondary} section: the database that writes are mirrored to.
 *
 * <p>{@link #toString()} never shows the password, secret properties or secrets in the URL.
 */
public final class SecondaryConfig {

    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int MIN_POOL_SIZE = 1;
    public static final int MAX_POOL_SIZE = 256;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    public static final int MIN_CONNECT_TIMEOUT_MS = 1;
    public static final int MAX_CONNECT_TIMEOUT_MS = 600_000;
    public static final int DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
    public static final int MIN_STATEMENT_TIMEOUT_MS = 1;
    public static final int MAX_STATEMENT_TIMEOUT_MS = 3_600_000;

    private final String url;
    private final String user;
    private final String password;
    private final Path driverJar;
    private final Map<String, String> properties;
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
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("url must start with jdbc:");
        }
        check("poolSize", poolSize, MIN_POOL_SIZE, MAX_POOL_SIZE);
        check("connectTimeoutMs", connectTimeoutMs, MIN_CONNECT_TIMEOUT_MS, MAX_CONNECT_TIMEOUT_MS);
        check("statementTimeoutMs", statementTimeoutMs, MIN_STATEMENT_TIMEOUT_MS, MAX_STATEMENT_TIMEOUT_MS);
        Map<String, String> copy = new LinkedHashMap<>();
        if (properties != null) {
            for (Map.Entry<String, String> e : properties.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), "property name"),
                        Objects.requireNonNull(e.getValue(), "property value"));
            }
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.driverJar = driverJar;
        this.properties = Collections.unmodifiableMap(copy);
        this.poolSize = poolSize;
        this.connectTimeoutMs = connectTimeoutMs;
        this.statementTimeoutMs = statementTimeoutMs;
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is not in " + min + ".." + max);
        }
    }

    /** The JDBC URL, secrets included. Use {@link #redactedUrl()} for logs and messages. */
    public String url() {
        return url;
    }

    /** The JDBC URL with its secrets masked. */
    public String redactedUrl() {
        return Redaction.url(url);
    }

    /** The user, or null. */
    public String user() {
        return user;
    }

    /** The password, or null. Secret. */
    public String password() {
        return password;
    }

    /** The driver jar, if one was given. */
    public Optional<Path> driverJar() {
        return Optional.ofNullable(driverJar);
    }

    /**
     * A fresh copy of the properties to connect with: the {@code properties} map, plus {@code user} and
     * {@code password} when given (they take precedence over entries of the same name in the map).
     */
    public Properties connectionProperties() {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            p.setProperty(e.getKey(), e.getValue());
        }
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The number of connections to the secondary database. */
    public int poolSize() {
        return poolSize;
    }

    /** How long opening a connection to the secondary database may take. */
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
        return url.equals(other.url) && Objects.equals(user, other.user) && Objects.equals(password, other.password)
                && Objects.equals(driverJar, other.driverJar) && properties.equals(other.properties)
                && poolSize == other.poolSize && connectTimeoutMs == other.connectTimeoutMs
                && statementTimeoutMs == other.statementTimeoutMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, password, driverJar, properties, poolSize, connectTimeoutMs, statementTimeoutMs);
    }

    /** A summary without secrets. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SecondaryConfig{url=").append(redactedUrl());
        sb.append(", user=").append(user);
        sb.append(", password=").append(password == null ? "(none)" : Redaction.MASK);
        sb.append(", driverJar=").append(driverJar == null ? "(application class path)" : driverJar.toString());
        sb.append(", properties={");
        boolean first = true;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            String key = e.getKey();
            sb.append(key).append('=').append(Redaction.isSecretName(key) ? Redaction.MASK : Redaction.url(e.getValue()));
        }
        sb.append("}, poolSize=").append(poolSize);
        sb.append(", connectTimeoutMs=").append(connectTimeoutMs);
        sb.append(", statementTimeoutMs=").append(statementTimeoutMs);
        return sb.append('}').toString();
    }
}
