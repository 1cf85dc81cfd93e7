package io.dualwrite.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The {@code writes} section: how writes are mirrored, whether DDL is, and which tables. */
final class WritesSection {

    private static final List<String> KEYS = Arrays.asList("mode", "ddl", "tables");
    private static final List<String> TABLES_KEYS = Arrays.asList("include", "exclude");

    private WritesSection() {
    }

    /** The section's settings, with defaults for what is left out. */
    static WritesConfig read(NodeReader nodes, YamlEntry entry) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return WritesConfig.defaults();
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "writes", KEYS, "under writes");
        WriteMode mode = mode(nodes, keys.get("mode"));
        boolean ddl = nodes.bool(keys.get("ddl"), false);
        TableFilter tables = tables(nodes, keys.get("tables"));
        return new WritesConfig(mode, ddl, tables);
    }

    private static WriteMode mode(NodeReader nodes, YamlEntry entry) throws ConfigException {
        String mode = nodes.string(entry, false);
        if (mode == null || mode.equals("sync")) {
            return WriteMode.SYNC;
        }
        if (mode.equals("async")) {
            throw nodes.error(entry.value, entry.path, "async mode arrives with the failure-handling work",
                    "use sync for now");
        }
        throw nodes.error(entry.value, entry.path,
                NodeReader.echo(((ScalarNode) entry.value).getValue()) + " is not a write mode", "use sync");
    }

    private static TableFilter tables(NodeReader nodes, YamlEntry entry) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return TableFilter.all();
        }
        Map<String, YamlEntry> keys = nodes.entries(node, entry.path, TABLES_KEYS, "under " + entry.path);
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
