package io.dualwrite.agent.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The {@code writes} section: how writes are mirrored, whether DDL is, which tables, and what becomes of
 * non-deterministic expressions.
 */
final class WritesSection {

    private static final List<String> KEYS = Arrays.asList("mode", "on-failure", "ddl", "tables", "queue-capacity",
            "when-full", "shutdown-timeout-ms", "nondeterministic");

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
        TableFilter tables = TablesSection.read(nodes, keys.get("tables"));
        int queueCapacity = nodes.integer(keys.get("queue-capacity"), WritesConfig.MIN_QUEUE_CAPACITY,
                WritesConfig.MAX_QUEUE_CAPACITY, defaults.queueCapacity());
        WhenFull whenFull = nodes.choice(keys.get("when-full"), WhenFull.values(), defaults.whenFull(),
                "what to do when the queue is full");
        int shutdownTimeout = nodes.integer(keys.get("shutdown-timeout-ms"), 0, WritesConfig.MAX_SHUTDOWN_TIMEOUT_MS,
                defaults.shutdownTimeoutMs());
        NondeterministicMode nondeterministic = nodes.choice(keys.get("nondeterministic"),
                NondeterministicMode.values(), defaults.nondeterministic(),
                "what to do with non-deterministic expressions such as now()");
        if (mode == WriteMode.ASYNC && onFailure == FailurePolicy.FAIL) {
            YamlEntry policy = keys.get("on-failure");
            throw nodes.error(policy.value, policy.path, "fail cannot be combined with mode: async, where the "
                    + "application's statement has returned before the secondary sees the write",
                    "use mode: sync for fail, or on-failure: journal or ignore with async");
        }
        return new WritesConfig(mode, onFailure, ddl, tables, queueCapacity, whenFull, shutdownTimeout,
                nondeterministic);
    }
}
