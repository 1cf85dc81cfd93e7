package io.dualwrite.agent.config;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** One key of a YAML mapping with its value and its dotted path (e.g. {@code secondary.pool-size}). */
final class YamlEntry {

    final String path;
    final ScalarNode key;
    final Node value;

    YamlEntry(String path, ScalarNode key, Node value) {
        this.path = path;
        this.key = key;
        this.value = value;
    }

    /** Whether the key has no value ({@code key:} or {@code key: null}); such keys count as left out. */
    boolean isEmpty() {
        return NodeReader.isNull(value);
    }

    /** Whether {@code entry} is left out (null) or has no value. */
    static boolean isAbsent(YamlEntry entry) {
        return entry == null || entry.isEmpty();
    }
}
