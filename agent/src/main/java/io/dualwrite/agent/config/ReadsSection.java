package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The {@code reads} section. Percentages the route does not use are accepted as they are: an operator stages the
 * next step ({@code secondary-percent} while still shadowing) and switches the route later, on a live reload.
 */
final class ReadsSection {

    private static final List<String> KEYS = Arrays.asList("route", "secondary-percent", "shadow-percent",
            "read-your-writes-ms", "tables", "sticky", "pool-size", "shadow-max-rows", "shadow-threads",
            "shadow-queue-capacity", "mismatch-log", "mask-values");

    private ReadsSection() {
    }

    /** @param baseDir what a relative {@code mismatch-log} is relative to; null for the working directory */
    static ReadsConfig read(NodeReader nodes, YamlEntry entry, Path baseDir) throws ConfigException {
        Path base = baseDir != null ? baseDir : Paths.get("").toAbsolutePath();
        ReadsConfig defaults = ReadsConfig.defaults(base);
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return defaults;
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "reads", KEYS, "under reads");
        ReadRoute route = nodes.choice(keys.get("route"), ReadRoute.values(), defaults.route(), "a read route");
        int secondaryPercent = nodes.integer(keys.get("secondary-percent"), 0, ReadsConfig.MAX_PERCENT,
                defaults.secondaryPercent());
        int shadowPercent = nodes.integer(keys.get("shadow-percent"), 0, ReadsConfig.MAX_PERCENT,
                defaults.shadowPercent());
        int readYourWrites = nodes.integer(keys.get("read-your-writes-ms"), 0, ReadsConfig.MAX_READ_YOUR_WRITES_MS,
                defaults.readYourWritesMs());
        TableFilter tables = TablesSection.read(nodes, keys.get("tables"));
        ReadSticky sticky = nodes.choice(keys.get("sticky"), ReadSticky.values(), defaults.sticky(),
                "a read stickiness");
        int poolSize = nodes.integer(keys.get("pool-size"), ReadsConfig.MIN_POOL_SIZE, ReadsConfig.MAX_POOL_SIZE,
                defaults.poolSize());
        int shadowMaxRows = nodes.integer(keys.get("shadow-max-rows"), ReadsConfig.MIN_SHADOW_MAX_ROWS,
                ReadsConfig.MAX_SHADOW_MAX_ROWS, defaults.shadowMaxRows());
        int shadowThreads = nodes.integer(keys.get("shadow-threads"), ReadsConfig.MIN_SHADOW_THREADS,
                ReadsConfig.MAX_SHADOW_THREADS, defaults.shadowThreads());
        int shadowQueueCapacity = nodes.integer(keys.get("shadow-queue-capacity"),
                ReadsConfig.MIN_SHADOW_QUEUE_CAPACITY, ReadsConfig.MAX_SHADOW_QUEUE_CAPACITY,
                defaults.shadowQueueCapacity());
        Path mismatchLog = nodes.path(keys.get("mismatch-log"), base,
                "give the file mismatches are written to, or leave mismatch-log out for "
                        + ReadsConfig.DEFAULT_MISMATCH_LOG + " next to this file");
        boolean maskValues = nodes.bool(keys.get("mask-values"), defaults.maskValues());
        return new ReadsConfig(route, secondaryPercent, shadowPercent, readYourWrites, tables, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog != null ? mismatchLog
                        : defaults.mismatchLog(), maskValues);
    }
}
