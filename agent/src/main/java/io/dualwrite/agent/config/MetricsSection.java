package io.dualwrite.agent.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/** The {@code metrics} section. */
final class MetricsSection {

    private static final List<String> KEYS = Arrays.asList("jmx", "port", "host");

    private MetricsSection() {
    }

    static MetricsConfig read(NodeReader nodes, YamlEntry entry) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return MetricsConfig.defaults();
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "metrics", KEYS, "under metrics");
        boolean jmx = nodes.bool(keys.get("jmx"), true);
        int port = nodes.integer(keys.get("port"), 1, 65_535, 0);
        String host = nodes.string(keys.get("host"), false);
        if (host != null && host.isEmpty()) {
            YamlEntry hostEntry = keys.get("host");
            throw nodes.error(hostEntry.value, hostEntry.path, "is empty",
                    "give the address to listen on, or leave host out for " + MetricsConfig.DEFAULT_HOST);
        }
        return new MetricsConfig(jmx, port, host == null ? MetricsConfig.DEFAULT_HOST : host);
    }
}
