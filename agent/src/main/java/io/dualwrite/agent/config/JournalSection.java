package io.dualwrite.agent.config;

import io.dualwrite.agent.journal.FsyncMode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;

/** The {@code journal} section. */
final class JournalSection {

    private static final List<String> KEYS = Arrays.asList("dir", "fsync", "segment-size-mb", "retry-interval-ms");

    private JournalSection() {
    }

    /** @param baseDir what a relative {@code dir} is relative to; null for the working directory */
    static JournalConfig read(NodeReader nodes, YamlEntry entry, Path baseDir) throws ConfigException {
        Path base = baseDir != null ? baseDir : Paths.get("").toAbsolutePath();
        JournalConfig defaults = JournalConfig.defaults(base);
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return defaults;
        }
        Map<String, YamlEntry> keys = nodes.entries(node, "journal", KEYS, "under journal");
        Path dir = nodes.path(keys.get("dir"), base,
                "give the directory the journal is kept in, or leave dir out for " + JournalConfig.DEFAULT_DIR
                        + " next to this file");
        FsyncMode fsync = nodes.choice(keys.get("fsync"), FsyncMode.values(), defaults.fsync(), "an fsync mode");
        int segmentSize = nodes.integer(keys.get("segment-size-mb"), 1, JournalConfig.MAX_SEGMENT_SIZE_MB,
                defaults.segmentSizeMb());
        int retryInterval = nodes.integer(keys.get("retry-interval-ms"), JournalConfig.MIN_RETRY_INTERVAL_MS,
                JournalConfig.MAX_RETRY_INTERVAL_MS, defaults.retryIntervalMs());
        return new JournalConfig(dir != null ? dir : defaults.dir(), fsync, segmentSize, retryInterval);
    }
}
