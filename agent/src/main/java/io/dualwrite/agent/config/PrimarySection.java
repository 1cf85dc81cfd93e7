package io.dualwrite.agent.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/** The {@code primary} section: which connections are mirrored, by a glob over their JDBC URL. */
final class PrimarySection {

    private static final List<String> KEYS = Collections.singletonList("url-pattern");
    private static final String GLOB = "a glob for the primary JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/shop*";

    private PrimarySection() {
    }

    /** The URL pattern; null only when the agent is disabled and the section or pattern is left out. */
    static Glob read(NodeReader nodes, YamlEntry entry, boolean enabled) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            nodes.requireWhenEnabled(enabled, entry, "primary", null,
                    "add primary: with url-pattern: (" + GLOB + "), or set enabled: false");
            return null;
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "primary", KEYS, "under primary");
        YamlEntry patternEntry = keys.get("url-pattern");
        String pattern = nodes.string(patternEntry, false);
        if (pattern == null) {
            nodes.requireWhenEnabled(enabled, patternEntry, "primary.url-pattern", entry, "give " + GLOB);
            return null;
        }
        if (pattern.isEmpty()) {
            throw nodes.error(patternEntry.value, patternEntry.path, "is empty", "give " + GLOB);
        }
        return Glob.compile(pattern, true);
    }
}
