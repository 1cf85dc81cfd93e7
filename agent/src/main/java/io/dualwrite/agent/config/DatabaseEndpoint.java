package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How to connect to one database: the secondary ({@link SecondaryConfig}) or, for the verify, repair and backfill
 * commands, the primary ({@link PrimaryConnection}).
 *
 * <p>Implementations' {@code toString()} never shows the password, secret properties or secrets in the URL.
 */
public interface DatabaseEndpoint {

    /** The JDBC URL, secrets included. Use {@link #redactedUrl()} for logs and messages. */
    String url();

    /** The JDBC URL with its secrets masked. */
    String redactedUrl();

    /** The user, or null. */
    String user();

    /** The driver jar, if one was given. */
    Optional<Path> driverJar();

    /**
     * A fresh copy of the properties to connect with: the {@code properties} map, plus {@code user} and
     * {@code password} when given (they take precedence over entries of the same name in the map).
     */
    Properties connectionProperties();

    /** How long opening a connection may take. */
    int connectTimeoutMs();
}
