package io.dualwrite.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A {@code tables} map of include and exclude globs, as {@code writes.tables} and {@code reads.tables} give it: one
 * parser, so that both sections accept exactly the same syntax and say the same about mistakes.
 */
final class TablesSection {

    private static final List<String> KEYS = Arrays.asList("include", "exclude");

    private TablesSection() {
    }

    /** The filter under {@code entry}; every table when it is left out. */
    static TableFilter read(NodeReader nodes, YamlEntry entry) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return TableFilter.all();
        }
        Map<String, YamlEntry> keys = nodes.entries(node, entry.path, KEYS, "under " + entry.path);
        List<String> include = globs(nodes, keys.get("include"), Collections.singletonList("*"));
        List<String> exclude = globs(nodes, keys.get("exclude"), Collections.<String>emptyList());
        return TableFilter.of(include, exclude);
    }

    private static List<String> globs(NodeReader nodes, YamlEntry entry, List<String> defaults)
            throws ConfigException {
        if (YamlEntry.isAbsent(entry)) {
            return defaults;
        }
        String remedy = "write a list of table name globs, e.g. [\"orders\", \"order_*\"] (* must be quoted)";
        if (!(entry.value instanceof SequenceNode)) {
            throw nodes.error(entry.value, entry.path, "must be a list, not " + NodeReader.kind(entry.value), remedy);
        }
        List<String> globs = new ArrayList<>();
        List<Node> items = ((SequenceNode) entry.value).getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = entry.path + "[" + i + "]";
            nodes.checkNoAnchor(item, path);
            String glob = nodes.string(new YamlEntry(path, entry.key, item), false);
            if (glob == null || glob.isEmpty()) {
                throw nodes.error(item, path, "is empty", remedy);
            }
            globs.add(glob);
        }
        return globs;
    }
}
