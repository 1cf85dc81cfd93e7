package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the agent's YAML configuration into an {@link AgentConfig}, checking it strictly: unknown and duplicate
 * keys, wrong types and out-of-range values are errors that name the file, the line and the dotted key.
 *
 * <p>Relative paths ({@code primary.driver-jar}, {@code secondary.driver-jar}, {@code journal.dir},
 * {@code reads.mismatch-log} and {@code ${file:PATH}}) are relative to the directory of the config file when it is
 * {@link #load(Path) loaded from a file}, and to the working directory when
 * {@link #parse(String, String, Function) parsed from a string}.
 */
public final class ConfigLoader {

    private static final List<String> TOP_KEYS = Arrays.asList("enabled", "primary", "secondary", "writes", "reads",
            "journal", "metrics", "mapping");

    private ConfigLoader() {
    }

    /**
     * Reads a config file; environment references are looked up with {@link System#getenv(String)}.
     *
     * @throws ConfigException when the file is missing, unreadable or not a valid configuration
     */
    public static AgentConfig load(Path file) throws ConfigException {
        return load(file, null);
    }

    /** As {@link #load(Path)}; a missing or unreadable file's message also says how the file was given. */
    public static AgentConfig load(ConfigSource source) throws ConfigException {
        return load(source.path(), source.origin());
    }

    /**
     * Parses a configuration.
     *
     * @param yaml        the YAML text
     * @param sourceName  names the source in error messages, usually the file path
     * @param environment looks up environment variables for {@code ${env:NAME}}
     * @throws ConfigException when it is not a valid configuration
     */
    public static AgentConfig parse(String yaml, String sourceName, Function<String, String> environment)
            throws ConfigException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(environment, "environment");
        return parse(yaml, sourceName, new References(environment, null), null);
    }

    private static AgentConfig load(Path file, String origin) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String text = ConfigFile.read(file, origin);
        Path baseDir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), new References(System::getenv, baseDir), baseDir);
    }

    /**
     * @param baseDir what a relative {@code driver-jar}, {@code journal.dir} or {@code reads.mismatch-log} is
     *                relative to; null for the working directory
     */
    private static AgentConfig parse(String text, String source, References references, Path baseDir)
            throws ConfigException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Node root = YamlComposer.compose(text, source);
        if (root == null || NodeReader.isNull(root)) {
            throw new ConfigException(source, 0, null, "the config file is empty",
                    "it needs at least primary.url-pattern and secondary.url (or enabled: false to turn the "
                            + "agent off)");
        }
        NodeReader nodes = new NodeReader(source, references);
        if (!(root instanceof MappingNode)) {
            throw nodes.error(root, null, "the document is " + NodeReader.kind(root) + ", not a map of keys",
                    "the top level must be a map with the keys " + String.join(", ", TOP_KEYS));
        }
        Map<String, YamlEntry> top = nodes.entries((MappingNode) root, "", TOP_KEYS, "at the top level");
        boolean enabled = nodes.bool(top.get("enabled"), true);
        PrimarySection primary = PrimarySection.read(nodes, top.get("primary"), enabled, baseDir);
        SecondaryConfig secondary = SecondarySection.read(nodes, top.get("secondary"), enabled, baseDir);
        WritesConfig writes = WritesSection.read(nodes, top.get("writes"));
        ReadsConfig reads = ReadsSection.read(nodes, top.get("reads"), baseDir);
        JournalConfig journal = JournalSection.read(nodes, top.get("journal"), baseDir);
        MetricsConfig metrics = MetricsSection.read(nodes, top.get("metrics"));
        MappingConfig mapping = MappingSection.read(nodes, top.get("mapping"));
        return new AgentConfig(enabled, primary.urlPattern(), primary.connection(), secondary, writes, reads, journal,
                metrics, mapping);
    }
}
