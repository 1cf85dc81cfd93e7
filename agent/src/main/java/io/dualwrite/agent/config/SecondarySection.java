package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/** The {@code secondary} section: the database that writes are mirrored to, and how to connect to it. */
final class SecondarySection {

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(ConnectionSection.KEYS);
        keys.addAll(Arrays.asList("pool-size", "connect-timeout-ms", "statement-timeout-ms"));
        KEYS = Collections.unmodifiableList(keys);
    }

    private static final String URL_EXAMPLE = "e.g. jdbc:mariadb://127.0.0.1:3306/shop";

    private SecondarySection() {
    }

    /**
     * The connection settings; null only when the agent is disabled and the section or its URL is left out.
     *
     * @param baseDir what a relative {@code driver-jar} is relative to; null for the working directory
     */
    static SecondaryConfig read(NodeReader nodes, YamlEntry entry, boolean enabled, Path baseDir)
            throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            nodes.requireWhenEnabled(enabled, entry, "secondary", null,
                    "add secondary: with at least url: (the JDBC URL of the database to mirror to), or set "
                            + "enabled: false");
            return null;
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "secondary", KEYS, "under secondary");
        ConnectionSettings connection = ConnectionSection.read(nodes, keys, URL_EXAMPLE,
                "to use the driver on the application's class path", baseDir);
        int poolSize = nodes.integer(keys.get("pool-size"), SecondaryConfig.MIN_POOL_SIZE,
                SecondaryConfig.MAX_POOL_SIZE, SecondaryConfig.DEFAULT_POOL_SIZE);
        int connectTimeout = nodes.integer(keys.get("connect-timeout-ms"), SecondaryConfig.MIN_CONNECT_TIMEOUT_MS,
                SecondaryConfig.MAX_CONNECT_TIMEOUT_MS, SecondaryConfig.DEFAULT_CONNECT_TIMEOUT_MS);
        int statementTimeout = nodes.integer(keys.get("statement-timeout-ms"),
                SecondaryConfig.MIN_STATEMENT_TIMEOUT_MS, SecondaryConfig.MAX_STATEMENT_TIMEOUT_MS,
                SecondaryConfig.DEFAULT_STATEMENT_TIMEOUT_MS);
        if (connection == null) {
            nodes.requireWhenEnabled(enabled, keys.get("url"), "secondary.url", entry,
                    "give the JDBC URL of the database to mirror to, " + URL_EXAMPLE);
            return null;
        }
        return new SecondaryConfig(connection, poolSize, connectTimeout, statementTimeout);
    }
}
