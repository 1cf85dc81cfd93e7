package io.dualwrite.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The {@code secondary} section: the database that writes are mirrored to, and how to connect to it. */
final class SecondarySection {

    private static final List<String> KEYS = Arrays.asList("url", "user", "password", "driver-jar", "properties",
            "pool-size", "connect-timeout-ms", "statement-timeout-ms");
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

        YamlEntry urlEntry = keys.get("url");
        String url = nodes.string(urlEntry, false);
        if (url != null && !url.startsWith("jdbc:")) {
            throw nodes.error(urlEntry.value, urlEntry.path,
                    NodeReader.echo(Redaction.url(((ScalarNode) urlEntry.value).getValue()))
                            + " does not start with jdbc:", "give a JDBC URL, " + URL_EXAMPLE);
        }
        // An empty user or password ("" or a reference that resolves to "") counts as not given.
        String user = emptyToNull(nodes.string(keys.get("user"), false));
        String password = emptyToNull(nodes.string(keys.get("password"), true));
        Path driverJar = driverJar(nodes, keys.get("driver-jar"), baseDir);
        Map<String, String> properties = properties(nodes, keys.get("properties"));
        int poolSize = nodes.integer(keys.get("pool-size"), SecondaryConfig.MIN_POOL_SIZE,
                SecondaryConfig.MAX_POOL_SIZE, SecondaryConfig.DEFAULT_POOL_SIZE);
        int connectTimeout = nodes.integer(keys.get("connect-timeout-ms"), SecondaryConfig.MIN_CONNECT_TIMEOUT_MS,
                SecondaryConfig.MAX_CONNECT_TIMEOUT_MS, SecondaryConfig.DEFAULT_CONNECT_TIMEOUT_MS);
        int statementTimeout = nodes.integer(keys.get("statement-timeout-ms"),
                SecondaryConfig.MIN_STATEMENT_TIMEOUT_MS, SecondaryConfig.MAX_STATEMENT_TIMEOUT_MS,
                SecondaryConfig.DEFAULT_STATEMENT_TIMEOUT_MS);
        if (url == null) {
            nodes.requireWhenEnabled(enabled, urlEntry, "secondary.url", entry,
                    "give the JDBC URL of the database to mirror to, " + URL_EXAMPLE);
            return null;
        }
        return new SecondaryConfig(url, user, password, driverJar, properties, poolSize, connectTimeout,
                statementTimeout);
    }

    private static Path driverJar(NodeReader nodes, YamlEntry entry, Path baseDir) throws ConfigException {
        String remedy = "give the path of the JDBC driver jar, or leave driver-jar out to use the driver on "
                + "the application's class path";
        Path path = nodes.path(entry, baseDir, remedy);
        if (path == null) {
            return null;
        }
        if (!Files.exists(path)) {
            throw nodes.error(entry.value, entry.path, path + " does not exist", remedy);
        }
        if (!Files.isRegularFile(path)) {
            throw nodes.error(entry.value, entry.path, path + " is not a file", remedy);
        }
        if (!Files.isReadable(path)) {
            throw nodes.error(entry.value, entry.path, path + " cannot be read",
                    "make it readable for the application's user, or " + remedy);
        }
        return path;
    }

    private static Map<String, String> properties(NodeReader nodes, YamlEntry entry) throws ConfigException {
        MappingNode node = nodes.section(entry);
        Map<String, String> properties = new LinkedHashMap<>();
        if (node == null) {
            return properties;
        }
        for (YamlEntry property : nodes.entries(node, entry.path, null, null).values()) {
            boolean secret = Redaction.isSecretName(property.key.getValue());
            if (property.isEmpty()) {
                throw nodes.error(property.key, property.path, "has no value",
                        "give a value or leave the property out");
            }
            if (!(property.value instanceof ScalarNode)) {
                throw nodes.error(property.value, property.path,
                        "must be a single value (text, a number or true/false), not " + NodeReader.kind(property.value),
                        "driver properties are name: value pairs");
            }
            ScalarNode scalar = (ScalarNode) property.value;
            String value = Tag.STR.equals(scalar.getTag())
                    ? nodes.resolve(scalar, property.path, secret)
                    : scalar.getValue();
            properties.put(property.key.getValue(), value);
        }
        return properties;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
