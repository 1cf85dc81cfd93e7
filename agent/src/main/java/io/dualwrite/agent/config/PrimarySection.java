package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The {@code primary} section: which connections are mirrored, by a glob over their JDBC URL, and, for the verify,
 * repair and backfill commands only, how to connect to the primary database.
 */
final class PrimarySection {

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>();
        keys.add("url-pattern");
        keys.addAll(ConnectionSection.KEYS);
        KEYS = Collections.unmodifiableList(keys);
    }

    private static final String GLOB = "a glob for the primary JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/shop*";
    private static final String URL_EXAMPLE = "e.g. jdbc:postgresql://127.0.0.1:5432/shop";

    private final Glob urlPattern;
    private final PrimaryConnection connection;

    private PrimarySection(Glob urlPattern, PrimaryConnection connection) {
        this.urlPattern = urlPattern;
        this.connection = connection;
    }

    /** The URL pattern; null only when the agent is disabled and the section or pattern is left out. */
    Glob urlPattern() {
        return urlPattern;
    }

    /** Where the commands connect to the primary; null when {@code primary.url} is left out. */
    PrimaryConnection connection() {
        return connection;
    }

    /**
     * @param baseDir what a relative {@code driver-jar} is relative to; null for the working directory
     */
    static PrimarySection read(NodeReader nodes, YamlEntry entry, boolean enabled, Path baseDir)
            throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            nodes.requireWhenEnabled(enabled, entry, "primary", null,
                    "add primary: with url-pattern: (" + GLOB + "), or set enabled: false");
            return new PrimarySection(null, null);
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "primary", KEYS, "under primary");
        YamlEntry patternEntry = keys.get("url-pattern");
        String pattern = nodes.string(patternEntry, false);
        ConnectionSettings settings = ConnectionSection.read(nodes, keys, URL_EXAMPLE,
                "when the driver is on the class path", baseDir);
        PrimaryConnection connection = settings == null ? null : new PrimaryConnection(settings);
        if (pattern == null) {
            nodes.requireWhenEnabled(enabled, patternEntry, "primary.url-pattern", entry, "give " + GLOB);
            return new PrimarySection(null, connection);
        }
        if (pattern.isEmpty()) {
            throw nodes.error(patternEntry.value, patternEntry.path, "is empty", "give " + GLOB);
        }
        return new PrimarySection(Glob.compile(pattern, true), connection);
    }
}
