package io.dualwrite.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The connection keys {@code url}, {@code user}, {@code password}, {@code driver-jar} and {@code properties}, read
 * the same way under {@code secondary} and {@code primary}: the URL must start with {@code jdbc:}, the password
 * and secret-named properties are secrets (never echoed), references are resolved, a relative driver jar is
 * relative to the config file's directory and must be a readable file.
 */
final class ConnectionSection {

    /** The keys, in the order the "allowed" list of an unknown-key error names them. */
    static final List<String> KEYS = Collections.unmodifiableList(
            Arrays.asList("url", "user", "password", "driver-jar", "properties"));

    private ConnectionSection() {
    }

    /**
     * Reads the connection keys out of a section's checked entries.
     *
     * @param urlExample   ends the remedy of a URL that does not start with jdbc:, e.g.
     *                     {@code e.g. jdbc:mariadb://127.0.0.1:3306/shop}
     * @param withoutJar   ends the remedy of a bad driver jar: what leaving driver-jar out does
     * @param baseDir      what a relative {@code driver-jar} is relative to; null for the working directory
     * @return the settings; null when {@code url} is left out or has no value (the other keys are checked anyway)
     */
    static ConnectionSettings read(NodeReader nodes, Map<String, YamlEntry> keys, String urlExample,
            String withoutJar, Path baseDir) throws ConfigException {
        YamlEntry urlEntry = keys.get("url");
        String url = nodes.string(urlEntry, false);
        if (url != null && !url.startsWith("jdbc:")) {
            throw nodes.error(urlEntry.value, urlEntry.path,
                    NodeReader.echo(Redaction.url(((ScalarNode) urlEntry.value).getValue()))
                            + " does not start with jdbc:", "give a JDBC URL, " + urlExample);
        }
        // An empty user or password ("" or a reference that resolves to "") counts as not given.
        String user = emptyToNull(nodes.string(keys.get("user"), false));
        String password = emptyToNull(nodes.string(keys.get("password"), true));
        Path driverJar = driverJar(nodes, keys.get("driver-jar"), withoutJar, baseDir);
        Map<String, String> properties = properties(nodes, keys.get("properties"));
        return url == null ? null : new ConnectionSettings(url, user, password, driverJar, properties);
    }

    private static Path driverJar(NodeReader nodes, YamlEntry entry, String withoutJar, Path baseDir)
            throws ConfigException {
        String remedy = "give the path of the JDBC driver jar, or leave driver-jar out " + withoutJar;
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
