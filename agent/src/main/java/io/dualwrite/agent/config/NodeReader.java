package io.dualwrite.agent.config;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of SnakeYAML's node tree, strictly: a wrong type or an out-of-range value is an error
 * that names the source, the line and the dotted key. Strings have their {@code ${...}} references resolved.
 */
final class NodeReader {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    private static final int MAX_ECHO = 60;

    private final String source;
    private final References references;

    /**
     * @param source     names the configuration in error messages, usually the file path
     * @param references resolves the references in string values
     */
    NodeReader(String source, References references) {
        this.source = source;
        this.references = references;
    }

    // ----- structure -----

    /**
     * The keys of a mapping, checked: keys must be scalars, known (when {@code allowed} is not null) and given
     * once; no anchors or aliases.
     */
    Map<String, YamlEntry> entries(MappingNode node, String parentPath, List<String> allowed, String where)
            throws ConfigException {
        checkNoAnchor(node, parentPath.isEmpty() ? null : parentPath);
        Map<String, YamlEntry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                throw error(keyNode, parentPath.isEmpty() ? null : parentPath,
                        "has a key that is " + kind(keyNode), "keys must be plain names");
            }
            ScalarNode key = (ScalarNode) keyNode;
            String name = key.getValue();
            String path = parentPath.isEmpty() ? name : parentPath + "." + name;
            if (allowed != null && !allowed.contains(name)) {
                throw error(key, path, "unknown key", "allowed " + where + ": " + String.join(", ", allowed));
            }
            if (allowed == null && (isNull(key) || name.trim().isEmpty())) {
                throw error(key, parentPath, "has an empty key", "give each entry a name");
            }
            YamlEntry first = entries.get(name);
            if (first != null) {
                throw error(key, path, "duplicate key (first given on line " + line(first.key) + ")",
                        "give each key only once");
            }
            checkNoAnchor(key, path);
            checkNoAnchor(tuple.getValueNode(), path);
            entries.put(name, new YamlEntry(path, key, tuple.getValueNode()));
        }
        return entries;
    }

    /** The mapping under a key; null when the key is left out or has no value. */
    MappingNode section(YamlEntry entry) throws ConfigException {
        if (YamlEntry.isAbsent(entry)) {
            return null;
        }
        if (!(entry.value instanceof MappingNode)) {
            throw error(entry.value, entry.path, "must be a map of keys, not " + kind(entry.value),
                    "write its keys indented on the lines below " + entry.key.getValue() + ":");
        }
        return (MappingNode) entry.value;
    }

    void checkNoAnchor(Node node, String path) throws ConfigException {
        if (node.getAnchor() != null) {
            throw error(node, path, "uses a YAML anchor (&) or alias (*)",
                    "anchors and aliases are not supported; write the value out in full");
        }
    }

    // ----- scalars -----

    boolean bool(YamlEntry entry, boolean defaultValue) throws ConfigException {
        if (YamlEntry.isAbsent(entry)) {
            return defaultValue;
        }
        ScalarNode scalar = scalar(entry, "true or false");
        String value = scalar.getValue();
        if (scalar.isPlain() && value.equals("true")) {
            return true;
        }
        if (scalar.isPlain() && value.equals("false")) {
            return false;
        }
        String what = scalar.isPlain() ? echo(value) + " is not a boolean" : "\"" + echo(value)
                + "\" is text in quotes, not a boolean";
        throw error(scalar, entry.path, what, "use true or false (without quotes)");
    }

    int integer(YamlEntry entry, int min, int max, int defaultValue) throws ConfigException {
        if (YamlEntry.isAbsent(entry)) {
            return defaultValue;
        }
        String allowed = "use a whole number from " + min + " to " + max;
        ScalarNode scalar = scalar(entry, "a whole number");
        String value = scalar.getValue();
        if (!scalar.isPlain()) {
            throw error(scalar, entry.path, "\"" + echo(value) + "\" is text in quotes, not a number",
                    allowed + " without quotes");
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw error(scalar, entry.path, echo(value) + " is not a whole number", allowed);
        }
        BigInteger number = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(scalar, entry.path, echo(value) + " is out of range", allowed);
        }
        return number.intValue();
    }

    /**
     * One of {@code choices}, written in YAML as its lower-case name with dashes ({@code on-failure: journal});
     * the default when left out.
     */
    <E extends Enum<E>> E choice(YamlEntry entry, E[] choices, E defaultValue, String what) throws ConfigException {
        if (YamlEntry.isAbsent(entry)) {
            return defaultValue;
        }
        ScalarNode scalar = scalar(entry, what);
        List<String> names = new ArrayList<>();
        for (E choice : choices) {
            String name = yamlName(choice);
            if (scalar.isPlain() && name.equals(scalar.getValue())) {
                return choice;
            }
            names.add(name);
        }
        throw error(scalar, entry.path, echo(scalar.getValue()) + " is not " + what,
                "use one of " + String.join(", ", names));
    }

    /** How an enum constant is written in the YAML file: {@code WHEN_FULL} as {@code when-full}. */
    static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A path, relative to {@code baseDir} unless absolute (to the working directory when {@code baseDir} is
     * null); null when left out.
     */
    Path path(YamlEntry entry, Path baseDir, String remedy) throws ConfigException {
        String value = string(entry, false);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw error(entry.value, entry.path, "is empty", remedy);
        }
        Path path;
        try {
            path = Paths.get(value);
        } catch (InvalidPathException e) {
            throw error(entry.value, entry.path, echo(value) + " is not a valid path (" + e.getReason() + ")", remedy);
        }
        return baseDir != null && !path.isAbsolute() ? baseDir.resolve(path) : path;
    }

    /** A string value with its references resolved; null when left out or empty ({@code key:}). */
    String string(YamlEntry entry, boolean secret) throws ConfigException {
        if (YamlEntry.isAbsent(entry)) {
            return null;
        }
        ScalarNode scalar = scalar(entry, "a string");
        if (!Tag.STR.equals(scalar.getTag())) {
            if (secret) {
                throw error(scalar, entry.path, "must be a string", "put the value in quotes");
            }
            throw error(scalar, entry.path, echo(scalar.getValue()) + " is " + kind(scalar) + ", not a string",
                    "put it in quotes");
        }
        return resolve(scalar, entry.path, secret);
    }

    /** The scalar's text with its references resolved. */
    String resolve(ScalarNode scalar, String path, boolean secret) throws ConfigException {
        References.Failure failure = (problem, remedy) -> error(scalar, path, problem, remedy);
        return references.resolve(scalar.getValue(), secret, failure);
    }

    private ScalarNode scalar(YamlEntry entry, String expected) throws ConfigException {
        if (!(entry.value instanceof ScalarNode)) {
            throw error(entry.value, entry.path, "must be " + expected + ", not " + kind(entry.value),
                    "write a single value after " + entry.key.getValue() + ":");
        }
        return (ScalarNode) entry.value;
    }

    // ----- errors -----

    ConfigException error(Node node, String path, String problem, String remedy) {
        return new ConfigException(source, line(node), path, problem, remedy);
    }

    /**
     * Throws, when the agent is enabled, the error for a required key that is missing ({@code self} null) or has
     * no value: on the line of the key, else of its section's key if there is one. A disabled agent needs no keys.
     */
    void requireWhenEnabled(boolean enabled, YamlEntry self, String path, YamlEntry section, String remedy)
            throws ConfigException {
        if (!enabled) {
            return;
        }
        int line = 0;
        String problem = "missing";
        if (self != null) {
            line = line(self.key);
            problem = "has no value";
        } else if (section != null) {
            line = line(section.key);
        }
        throw new ConfigException(source, line, path, problem, "it is required when enabled is true: " + remedy);
    }

    private static int line(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? 0 : mark.getLine() + 1;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** What a node is, in the words of an error message. */
    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return "empty";
        }
        if (Tag.BOOL.equals(tag)) {
            return "a boolean";
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number";
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            return "a date";
        }
        if (Tag.STR.equals(tag)) {
            return "text";
        }
        return "a value tagged " + tag.getValue();
    }

    /** A non-secret value shown in a message: shortened. */
    static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO - 3) + "...";
    }
}
