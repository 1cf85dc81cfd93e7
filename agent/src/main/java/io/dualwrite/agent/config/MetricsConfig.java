package io.dualwrite.agent.config;

import java.util.Objects;

/** The {@code metrics} section: the JMX MBean and the Prometheus text endpoint. */
public final class MetricsConfig {

    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final MetricsConfig DEFAULTS = new MetricsConfig(true, 0, DEFAULT_HOST);

    private final boolean jmx;
    private final int port;
    private final String host;

    /** @param port 0 for no endpoint */
    public MetricsConfig(boolean jmx, int port, String host) {
        this.jmx = jmx;
        this.port = port;
        this.host = Objects.requireNonNull(host, "host");
    }

    /** JMX on, no endpoint. */
    public static MetricsConfig defaults() {
        return DEFAULTS;
    }

    /** Whether the agent registers its MBean. */
    public boolean jmx() {
        return jmx;
    }

    /** The Prometheus endpoint's port; 0 when there is none. */
    public int port() {
        return port;
    }

    /** The address the endpoint binds to. */
    public String host() {
        return host;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricsConfig)) {
            return false;
        }
        MetricsConfig other = (MetricsConfig) o;
        return jmx == other.jmx && port == other.port && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jmx, port, host);
    }

    @Override
    public String toString() {
        return "jmx " + (jmx ? "on" : "off") + ", endpoint " + (port == 0 ? "off" : host + ":" + port);
    }
}
