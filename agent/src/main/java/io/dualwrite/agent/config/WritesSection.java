package io.dualwrite.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The {@code writes} section: how writes are mirrored, whether DDL is, and which tables. */
final class WritesSection {

    private static final List<String> KEYS = Arrays.asList("mode", "on-failure", "ddl", "tables", "queue-capacity",
            "when-full", "shutdown-timeout-ms");
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
        WritesConfig defaults = WritesConfig.defaults();
        WriteMode mode = nodes.choice(keys.get("mode"), WriteMode.values(), defaults.mode(), "a write mode");
        FailurePolicy onFailure = nodes.choice(keys.get("on-failure"), FailurePolicy.values(), defaults.onFailure(),
                "a failure policy");
        boolean ddl = nodes.bool(keys.get("ddl"), defaults.ddl());
        TableFilter tables = tables(nodes, keys.get("tables"));
        int queueCapacity = nodes.integer(keys.get("queue-capacity"), WritesConfig.MIN_QUEUE_CAPACITY,
                WritesConfig.MAX_QUEUE_CAPACITY, defaults.queueCapacity());
        WhenFull whenFull = nodes.choice(keys.get("when-full"), WhenFull.values(), defaults.whenFull(),
                "what to do when the queue is full");
        int shutdownTimeout = nodes.integer(keys.get("shutdown-timeout-ms"), 0, WritesConfig.MAX_SHUTDOWN_TIMEOUT_MS,
                defaults.shutdownTimeoutMs());
        if (mode == WriteMode.ASYNC && onFailure == FailurePolicy.FAIL) {
            YamlEntry policy = keys.get("on-failure");
            throw nodes.error(policy.value, policy.path, "fail cannot be combined with mode: async, where the "
                    + "application's statement has returned before the secondary sees the write",
                    "use mode: sync for fail, or on-failure: journal or ignore with async");
        }
        return new WritesConfig(mode, onFailure, ddl, tables, queueCapacity, whenFull, shutdownTimeout);
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
