package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The keys a {@link DatabaseEndpoint} connects with ({@code url}, {@code user}, {@code password},
 * {@code driver-jar}, {@code properties}), shared by {@link SecondaryConfig} and {@link PrimaryConnection}.
 *
 * <p>{@link #appendTo(StringBuilder, String)} never shows the password, secret properties or secrets in the URL.
 */
final class ConnectionSettings {

    private final String url;
    private final String user;
    private final String password;
    private final Path driverJar;
    private final Map<String, String> properties;

    /**
     * @param url        the JDBC URL; must start with {@code jdbc:}
     * @param user       the user, or null
     * @param password   the password, or null
     * @param driverJar  the driver jar, or null
     * @param properties driver properties (copied), or null for none
     * @throws IllegalArgumentException when the URL does not start with {@code jdbc:} (the message shows no secrets)
     */
    ConnectionSettings(String url, String user, String password, Path driverJar, Map<String, String> properties) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("url must start with jdbc:");
        }
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
    }

    String url() {
        return url;
    }

    String redactedUrl() {
        return Redaction.url(url);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Optional<Path> driverJar() {
        return Optional.ofNullable(driverJar);
    }

    /** See {@link DatabaseEndpoint#connectionProperties()}. */
    Properties connectionProperties() {
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

    /**
     * Appends {@code url=..., user=..., password=***, driverJar=..., properties={...}} without secrets.
     *
     * @param noDriverJar what stands for the driver jar when none was given
     */
    StringBuilder appendTo(StringBuilder sb, String noDriverJar) {
        sb.append("url=").append(redactedUrl());
        sb.append(", user=").append(user);
        sb.append(", password=").append(password == null ? "(none)" : Redaction.MASK);
        sb.append(", driverJar=").append(driverJar == null ? noDriverJar : driverJar.toString());
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
        return sb.append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConnectionSettings)) {
            return false;
        }
        ConnectionSettings other = (ConnectionSettings) o;
        return url.equals(other.url) && Objects.equals(user, other.user) && Objects.equals(password, other.password)
                && Objects.equals(driverJar, other.driverJar) && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, password, driverJar, properties);
    }

    /** A summary without secrets. */
    @Override
    public String toString() {
        return appendTo(new StringBuilder("ConnectionSettings{"), "(none)").append('}').toString();
    }
}
