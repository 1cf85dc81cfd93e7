package io.dualwrite.agent.config;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads the agent's YAML configuration into an {@link AgentConfig}, checking it strictly: unknown and duplicate
 * keys, wrong types and out-of-range values are errors that name the file, the line and the dotted key.
 *
 * <p>Relative paths ({@code secondary.driver-jar} and {@code ${file:PATH}}) are relative to the directory of the
 * config file when it is {@link #load(Path) loaded from a file}, and to the working directory when
 * {@link #parse(String, String, Function) parsed from a string}.
 */
public final class ConfigLoader {

    private static final List<String> TOP_KEYS = Arrays.asList("enabled", "primary", "secondary", "writes");
    private static final List<String> PRIMARY_KEYS = Collections.singletonList("url-pattern");
    private static final List<String> SECONDARY_KEYS = Arrays.asList("url", "user", "password", "driver-jar",
            "properties", "pool-size", "connect-timeout-ms", "statement-timeout-ms");
    private static final List<String> WRITES_KEYS = Arrays.asList("mode", "ddl", "tables");
    private static final List<String> TABLES_KEYS = Arrays.asList("include", "exclude");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    private static final int MAX_ECHO = 60;

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
        return new Parser(sourceName, new References(environment, null), null).parse(yaml);
    }

    private static AgentConfig load(Path file, String origin) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String text = read(file, origin);
        Path baseDir = file.toAbsolutePath().getParent();
        return new Parser(file.toString(), new References(System::getenv, baseDir), baseDir).parse(text);
    }

    private static String read(Path file, String origin) throws ConfigException {
        String source = file.toString();
        String givenBy = origin == null ? "" : " (given by " + origin + ")";
        String fix = origin == null ? "check the path; " + ConfigSource.HOW_TO_GIVE : "check the " + origin;
        if (Files.isDirectory(file)) {
            throw new ConfigException(source, 0, null, "the config file is a directory" + givenBy,
                    "give the path of the YAML file; " + fix);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            String where = file.isAbsolute() ? "" : ", relative to the working directory "
                    + Paths.get("").toAbsolutePath();
            throw new ConfigException(source, 0, null, "the config file does not exist" + givenBy + where,
                    "create it or " + fix, e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, 0, null, "the config file cannot be read: permission denied" + givenBy,
                    "make it readable for the application's user or " + fix, e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, null, "the config file cannot be read ("
                    + e.getClass().getSimpleName() + ")" + givenBy, fix, e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, 0, null, "the config file is not UTF-8 text", "save it as UTF-8");
        }
    }

    /** One key of a mapping with its value. */
    private static final class Entry {
        final String path;
        final ScalarNode key;
        final Node value;

        Entry(String path, ScalarNode key, Node value) {
            this.path = path;
            this.key = key;
            this.value = value;
        }

        /** Whether the key has no value ({@code key:} or {@code key: null}); such keys count as left out. */
        boolean isEmpty() {
            return isNull(value);
        }
    }

    /** Parses one document; holds what every error message needs. */
    private static final class Parser {
        private final String source;
        private final References references;
        private final Path baseDir;

        Parser(String source, References references, Path baseDir) {
            this.source = source;
            this.references = references;
            this.baseDir = baseDir;
        }

        AgentConfig parse(String text) throws ConfigException {
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Node root = compose(text);
            if (root == null || isNull(root)) {
                throw new ConfigException(source, 0, null, "the config file is empty",
                        "it needs at least primary.url-pattern and secondary.url (or enabled: false to turn the "
                                + "agent off)");
            }
            if (!(root instanceof MappingNode)) {
                throw error(root, null, "the document is " + kind(root) + ", not a map of keys",
                        "the top level must be a map with the keys " + String.join(", ", TOP_KEYS));
            }
            Map<String, Entry> top = entries((MappingNode) root, "", TOP_KEYS, "at the top level");
            boolean enabled = bool(top.get("enabled"), true);
            Glob primary = primary(top.get("primary"), enabled);
            SecondaryConfig secondary = secondary(top.get("secondary"), enabled);
            WritesConfig writes = writes(top.get("writes"));
            return new AgentConfig(enabled, primary, secondary, writes);
        }

        private Node compose(String text) throws ConfigException {
            LoaderOptions options = new LoaderOptions();
            try {
                return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            } catch (MarkedYAMLException e) {
                // Not chained as the cause: SnakeYAML's own message quotes the offending line, which may hold a secret.
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                StringBuilder problem = new StringBuilder("invalid YAML");
                if (mark != null) {
                    problem.append(" at column ").append(mark.getColumn() + 1);
                }
                problem.append(": ").append(yamlProblem(e.getProblem()));
                Mark contextMark = e.getContextMark();
                if (e.getProblem() != null && e.getProblem().startsWith("but found another document")) {
                    throw new ConfigException(source, mark == null ? 0 : mark.getLine() + 1, null,
                            "found a second YAML document", "the config file must hold a single document; remove "
                            + "the --- line and what follows, or merge the documents");
                }
                if (e.getContext() != null && contextMark != null && mark != null
                        && contextMark.getLine() != mark.getLine()) {
                    problem.append(" (").append(e.getContext()).append(" on line ")
                            .append(contextMark.getLine() + 1).append(')');
                }
                throw new ConfigException(source, mark == null ? 0 : mark.getLine() + 1, null, problem.toString(),
                        "fix the YAML syntax; put values that contain characters such as : # * & ! { } [ ] in quotes");
            } catch (ReaderException e) {
                int[] lineAndColumn = lineAndColumn(text, e.getPosition());
                throw new ConfigException(source, lineAndColumn[0], null, "invalid YAML at column " + lineAndColumn[1]
                        + ": the file contains the character " + String.format("U+%04X", e.getCodePoint())
                        + ", which YAML does not allow", "remove it, or write it as an escape such as \\u0001 "
                        + "inside double quotes");
            } catch (YAMLException e) {
                throw new ConfigException(source, 0, null, "invalid YAML: " + yamlProblem(e.getMessage()),
                        "fix the YAML");
            }
        }

        /** The 1-based line and column of a code point index. */
        private static int[] lineAndColumn(String text, int codePointIndex) {
            int line = 1;
            int column = 1;
            int i = 0;
            for (int n = 0; n < codePointIndex && i < text.length(); n++) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
                if (c == '\n' || (c == '\r' && !crlf)) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new int[] {line, column};
        }

        // ----- sections -----

        private Glob primary(Entry entry, boolean enabled) throws ConfigException {
            MappingNode node = section(entry);
            if (node == null) {
                if (enabled) {
                    throw missing(entry, "primary", null,
                            "it is required when enabled is true: add primary: with url-pattern: (a glob for the "
                                    + "primary JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/shop*), or set "
                                    + "enabled: false");
                }
                return null;
            }
            Map<String, Entry> keys = entries(node, "primary", PRIMARY_KEYS, "under primary");
            Entry patternEntry = keys.get("url-pattern");
            String pattern = string(patternEntry, false);
            if (pattern == null) {
                if (enabled) {
                    throw missing(patternEntry, "primary.url-pattern", entry,
                            "it is required when enabled is true: give a glob for the primary JDBC URL, e.g. "
                                    + "jdbc:postgresql://127.0.0.1:5432/shop*");
                }
                return null;
            }
            if (pattern.isEmpty()) {
                throw error(patternEntry.value, patternEntry.path, "is empty",
                        "give a glob for the primary JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/shop*");
            }
            return Glob.compile(pattern, true);
        }

        private SecondaryConfig secondary(Entry entry, boolean enabled) throws ConfigException {
            MappingNode node = section(entry);
            if (node == null) {
                if (enabled) {
                    throw missing(entry, "secondary", null,
                            "it is required when enabled is true: add secondary: with at least url: (the JDBC URL "
                                    + "of the database to mirror to), or set enabled: false");
                }
                return null;
            }
            Map<String, Entry> keys = entries(node, "secondary", SECONDARY_KEYS, "under secondary");

            Entry urlEntry = keys.get("url");
            String url = string(urlEntry, false);
            if (url != null && !url.startsWith("jdbc:")) {
                throw error(urlEntry.value, urlEntry.path,
                        echo(Redaction.url(((ScalarNode) urlEntry.value).getValue())) + " does not start with jdbc:",
                        "give a JDBC URL, e.g. jdbc:mariadb://127.0.0.1:3306/shop");
            }
            // An empty user or password ("" or a reference that resolves to "") counts as not given.
            String user = emptyToNull(string(keys.get("user"), false));
            String password = emptyToNull(string(keys.get("password"), true));
            Path driverJar = driverJar(keys.get("driver-jar"));
            Map<String, String> properties = properties(keys.get("properties"));
            int poolSize = integer(keys.get("pool-size"), SecondaryConfig.MIN_POOL_SIZE,
                    SecondaryConfig.MAX_POOL_SIZE, SecondaryConfig.DEFAULT_POOL_SIZE);
            int connectTimeout = integer(keys.get("connect-timeout-ms"), SecondaryConfig.MIN_CONNECT_TIMEOUT_MS,
                    SecondaryConfig.MAX_CONNECT_TIMEOUT_MS, SecondaryConfig.DEFAULT_CONNECT_TIMEOUT_MS);
            int statementTimeout = integer(keys.get("statement-timeout-ms"),
                    SecondaryConfig.MIN_STATEMENT_TIMEOUT_MS, SecondaryConfig.MAX_STATEMENT_TIMEOUT_MS,
                    SecondaryConfig.DEFAULT_STATEMENT_TIMEOUT_MS);
            if (url == null) {
                if (enabled) {
                    throw missing(urlEntry, "secondary.url", entry,
                            "it is required when enabled is true: give the JDBC URL of the database to mirror to, "
                                    + "e.g. jdbc:mariadb://127.0.0.1:3306/shop");
                }
                return null;
            }
            return new SecondaryConfig(url, user, password, driverJar, properties, poolSize, connectTimeout,
                    statementTimeout);
        }

        private Path driverJar(Entry entry) throws ConfigException {
            String value = string(entry, false);
            if (value == null) {
                return null;
            }
            String remedy = "give the path of the JDBC driver jar, or leave driver-jar out to use the driver on "
                    + "the application's class path";
            if (value.isEmpty()) {
                throw error(entry.value, entry.path, "is empty", remedy);
            }
            Path path;
            try {
                path = Paths.get(value);
            } catch (InvalidPathException e) {
                throw error(entry.value, entry.path, echo(value) + " is not a valid path (" + e.getReason() + ")",
                        remedy);
            }
            if (baseDir != null && !path.isAbsolute()) {
                path = baseDir.resolve(path);
            }
            if (!Files.exists(path)) {
                throw error(entry.value, entry.path, path + " does not exist", remedy);
            }
            if (!Files.isRegularFile(path)) {
                throw error(entry.value, entry.path, path + " is not a file", remedy);
            }
            if (!Files.isReadable(path)) {
                throw error(entry.value, entry.path, path + " cannot be read",
                        "make it readable for the application's user, or " + remedy);
            }
            return path;
        }

        private Map<String, String> properties(Entry entry) throws ConfigException {
            MappingNode node = section(entry);
            Map<String, String> properties = new LinkedHashMap<>();
            if (node == null) {
                return properties;
            }
            for (Entry property : entries(node, entry.path, null, null).values()) {
                boolean secret = Redaction.isSecretName(property.key.getValue());
                if (property.isEmpty()) {
                    throw error(property.key, property.path, "has no value",
                            "give a value or leave the property out");
                }
                if (!(property.value instanceof ScalarNode)) {
                    throw error(property.value, property.path,
                            "must be a single value (text, a number or true/false), not " + kind(property.value),
                            "driver properties are name: value pairs");
                }
                ScalarNode scalar = (ScalarNode) property.value;
                String value = Tag.STR.equals(scalar.getTag())
                        ? references.resolve(scalar.getValue(), secret, failure(scalar, property.path))
                        : scalar.getValue();
                properties.put(property.key.getValue(), value);
            }
            return properties;
        }

        private WritesConfig writes(Entry entry) throws ConfigException {
            MappingNode node = section(entry);
            if (node == null) {
                return WritesConfig.defaults();
            }
            Map<String, Entry> keys = entries(node, "writes", WRITES_KEYS, "under writes");
            WriteMode mode = mode(keys.get("mode"));
            boolean ddl = bool(keys.get("ddl"), false);
            TableFilter tables = tables(keys.get("tables"));
            return new WritesConfig(mode, ddl, tables);
        }

        private WriteMode mode(Entry entry) throws ConfigException {
            String mode = string(entry, false);
            if (mode == null || mode.equals("sync")) {
                return WriteMode.SYNC;
            }
            if (mode.equals("async")) {
                throw error(entry.value, entry.path, "async mode arrives with the failure-handling work",
                        "use sync for now");
            }
            throw error(entry.value, entry.path, echo(((ScalarNode) entry.value).getValue()) + " is not a write mode",
                    "use sync");
        }

        private TableFilter tables(Entry entry) throws ConfigException {
            MappingNode node = section(entry);
            if (node == null) {
                return TableFilter.all();
            }
            Map<String, Entry> keys = entries(node, entry.path, TABLES_KEYS, "under " + entry.path);
            List<String> include = globs(keys.get("include"), Collections.singletonList("*"));
            List<String> exclude = globs(keys.get("exclude"), Collections.<String>emptyList());
            return TableFilter.of(include, exclude);
        }

        private List<String> globs(Entry entry, List<String> defaults) throws ConfigException {
            if (entry == null || entry.isEmpty()) {
                return defaults;
            }
            String remedy = "write a list of table name globs, e.g. [\"orders\", \"order_*\"] (* must be quoted)";
            if (!(entry.value instanceof SequenceNode)) {
                throw error(entry.value, entry.path, "must be a list, not " + kind(entry.value), remedy);
            }
            List<String> globs = new ArrayList<>();
            List<Node> items = ((SequenceNode) entry.value).getValue();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String path = entry.path + "[" + i + "]";
                checkNoAnchor(item, path);
                String glob = string(new Entry(path, entry.key, item), false);
                if (glob == null) {
                    throw error(item, path, "is empty", remedy);
                }
                if (glob.isEmpty()) {
                    throw error(item, path, "is empty", remedy);
                }
                globs.add(glob);
            }
            return globs;
        }

        // ----- structure -----

        /**
         * The keys of a mapping, checked: keys must be scalars, known (when {@code allowed} is not null) and given
         * once; no anchors or aliases.
         */
        private Map<String, Entry> entries(MappingNode node, String parentPath, List<String> allowed, String where)
                throws ConfigException {
            checkNoAnchor(node, parentPath.isEmpty() ? null : parentPath);
            Map<String, Entry> entries = new LinkedHashMap<>();
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
                Entry first = entries.get(name);
                if (first != null) {
                    throw error(key, path, "duplicate key (first given on line " + line(first.key) + ")",
                            "give each key only once");
                }
                checkNoAnchor(key, path);
                checkNoAnchor(tuple.getValueNode(), path);
                entries.put(name, new Entry(path, key, tuple.getValueNode()));
            }
            return entries;
        }

        /** The mapping under a key; null when the key is left out or has no value. */
        private MappingNode section(Entry entry) throws ConfigException {
            if (entry == null || entry.isEmpty()) {
                return null;
            }
            if (!(entry.value instanceof MappingNode)) {
                throw error(entry.value, entry.path, "must be a map of keys, not " + kind(entry.value),
                        "write its keys indented on the lines below " + entry.key.getValue() + ":");
            }
            return (MappingNode) entry.value;
        }

        private void checkNoAnchor(Node node, String path) throws ConfigException {
            if (node.getAnchor() != null) {
                throw error(node, path, "uses a YAML anchor (&) or alias (*)",
                        "anchors and aliases are not supported; write the value out in full");
            }
        }

        // ----- scalars -----

        private boolean bool(Entry entry, boolean defaultValue) throws ConfigException {
            if (entry == null || entry.isEmpty()) {
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

        private int integer(Entry entry, int min, int max, int defaultValue) throws ConfigException {
            if (entry == null || entry.isEmpty()) {
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

        /** A string value with its references resolved; null when left out or empty ({@code key:}). */
        private String string(Entry entry, boolean secret) throws ConfigException {
            if (entry == null || entry.isEmpty()) {
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
            return references.resolve(scalar.getValue(), secret, failure(scalar, entry.path));
        }

        private ScalarNode scalar(Entry entry, String expected) throws ConfigException {
            if (!(entry.value instanceof ScalarNode)) {
                throw error(entry.value, entry.path, "must be " + expected + ", not " + kind(entry.value),
                        "write a single value after " + entry.key.getValue() + ":");
            }
            return (ScalarNode) entry.value;
        }

        // ----- errors -----

        private References.Failure failure(Node node, String path) {
            return (problem, remedy) -> error(node, path, problem, remedy);
        }

        private ConfigException error(Node node, String path, String problem, String remedy) {
            return new ConfigException(source, line(node), path, problem, remedy);
        }

        /** A required key is missing: reported on the line of its section's key, if there is one. */
        private ConfigException missing(Entry self, String path, Entry section, String remedy) {
            int line = 0;
            String problem = "missing";
            if (self != null) {
                line = line(self.key);
                problem = "has no value";
            } else if (section != null) {
                line = line(section.key);
            }
            return new ConfigException(source, line, path, problem, remedy);
        }
    }

    // ----- helpers -----

    private static int line(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String kind(Node node) {
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
    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO - 3) + "...";
    }

    /** SnakeYAML's problem text, without the parts that quote the document (an alias or tag may be a secret). */
    private static String yamlProblem(String problem) {
        if (problem == null) {
            return "unknown problem";
        }
        if (problem.startsWith("found undefined alias")) {
            return "found an alias (*name) that refers to no anchor (a value starting with * must be in quotes)";
        }
        int butFound = problem.indexOf(", but found");
        if (problem.startsWith("expected escape sequence") && butFound > 0) {
            // "... but found: <up to 8 characters of the value>"
            return problem.substring(0, butFound);
        }
        if (problem.startsWith("found undefined tag handle") || problem.startsWith("expected URI")
                || problem.startsWith("Global tag is not allowed")) {
            return "found an invalid tag (a value starting with ! must be in quotes)";
        }
        return problem.length() <= 200 ? problem : problem.substring(0, 197) + "...";
    }
}
