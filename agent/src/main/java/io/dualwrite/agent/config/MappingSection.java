package io.dualwrite.agent.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The {@code mapping} section: per primary table, the secondary's name for it, renamed and dropped columns, and
 * constants for columns only the secondary has. Names are compared without regard to case, as both databases
 * compare unquoted names, so two entries that differ only in case are one mistake, reported as such.
 */
final class MappingSection {

    private static final List<String> KEYS = Arrays.asList("table", "columns", "drop", "constants");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL_NUMBER =
            Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final String CONSTANT_REMEDY = "write text, a number, true, false or null (quote text that "
            + "YAML would read otherwise, e.g. \"2024-01-01\" or \"yes\")";

    private MappingSection() {
    }

    /** The mapped tables; none when the section is left out. */
    static MappingConfig read(NodeReader nodes, YamlEntry entry) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return MappingConfig.empty();
        }
        Map<String, TableMapping> tables = new LinkedHashMap<>();
        Map<String, YamlEntry> seen = new LinkedHashMap<>();
        for (YamlEntry table : nodes.entries(node, "mapping", null, "under mapping").values()) {
            String name = table.key.getValue().trim();
            YamlEntry first = seen.put(name.toLowerCase(Locale.ROOT), table);
            if (first != null) {
                throw nodes.error(table.key, table.path, "maps the same table as " + first.path + " (names are "
                        + "compared without regard to case)", "give each primary table once");
            }
            tables.put(name, table(nodes, table, name));
        }
        return new MappingConfig(tables);
    }

    private static TableMapping table(NodeReader nodes, YamlEntry entry, String table) throws ConfigException {
        MappingNode node = nodes.section(entry);
        if (node == null) {
            throw nodes.error(entry.key, entry.path, "has no settings", "give at least one of " + String.join(", ",
                    KEYS) + ", or remove the entry");
        }
        Map<String, YamlEntry> keys = nodes.entries(node, entry.path, KEYS, "under " + entry.path);
        String secondaryTable = name(nodes, keys.get("table"), "the secondary's name for the table");
        Map<String, YamlEntry> renameTargets = new LinkedHashMap<>();
        Map<String, String> renamed = renamed(nodes, keys.get("columns"), renameTargets);
        Set<String> dropped = dropped(nodes, keys.get("drop"), keys.get("columns"));
        Map<String, Object> constants = constants(nodes, keys.get("constants"), renameTargets, dropped);
        return new TableMapping(table, secondaryTable != null ? secondaryTable : table, renamed, dropped, constants);
    }

    /** A non-empty name; null when left out. */
    private static String name(NodeReader nodes, YamlEntry entry, String what) throws ConfigException {
        if (entry == null) {
            return null;
        }
        String name = YamlEntry.isAbsent(entry) ? null : nodes.string(entry, false);
        if (name == null || name.trim().isEmpty()) {
            throw nodes.error(entry.value, entry.path, "is empty", "give " + what + ", or leave the key out");
        }
        return name.trim();
    }

    private static Map<String, String> renamed(NodeReader nodes, YamlEntry entry, Map<String, YamlEntry> targets)
            throws ConfigException {
        Map<String, String> renamed = new LinkedHashMap<>();
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return renamed;
        }
        Map<String, YamlEntry> seen = new LinkedHashMap<>();
        for (YamlEntry column : nodes.entries(node, entry.path, null, "under " + entry.path).values()) {
            String from = column.key.getValue().trim();
            YamlEntry first = seen.put(from.toLowerCase(Locale.ROOT), column);
            if (first != null) {
                throw nodes.error(column.key, column.path, "renames the same column as " + first.path,
                        "rename each column once");
            }
            String to = name(nodes, column, "the secondary's name for column " + from);
            YamlEntry sameTarget = targets.put(to.toLowerCase(Locale.ROOT), column);
            if (sameTarget != null) {
                throw nodes.error(column.value, column.path, to + " is also the new name of " + sameTarget.path,
                        "give each secondary column to one primary column only");
            }
            renamed.put(from, to);
        }
        return renamed;
    }

    private static Set<String> dropped(NodeReader nodes, YamlEntry entry, YamlEntry columns) throws ConfigException {
        Set<String> dropped = new LinkedHashSet<>();
        if (YamlEntry.isAbsent(entry)) {
            return dropped;
        }
        String remedy = "write a list of the primary's column names, e.g. [legacy_flag, old_notes]";
        if (!(entry.value instanceof SequenceNode)) {
            throw nodes.error(entry.value, entry.path, "must be a list, not " + NodeReader.kind(entry.value), remedy);
        }
        Set<String> renamed = new LinkedHashSet<>();
        if (columns != null && columns.value instanceof MappingNode) {
            ((MappingNode) columns.value).getValue().forEach(tuple ->
                    renamed.add(((ScalarNode) tuple.getKeyNode()).getValue().trim().toLowerCase(Locale.ROOT)));
        }
        List<Node> items = ((SequenceNode) entry.value).getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            YamlEntry column = new YamlEntry(entry.path + "[" + i + "]", entry.key, item);
            nodes.checkNoAnchor(item, column.path);
            String name = YamlEntry.isAbsent(column) ? null : nodes.string(column, false);
            if (name == null || name.trim().isEmpty()) {
                throw nodes.error(item, column.path, "is empty", remedy);
            }
            name = name.trim();
            if (renamed.contains(name.toLowerCase(Locale.ROOT))) {
                throw nodes.error(item, column.path, name + " is also renamed under " + columns.path,
                        "a column the secondary does not have cannot have a new name there: remove it from one "
                                + "of the two");
            }
            if (!dropped.add(name.toLowerCase(Locale.ROOT))) {
                throw nodes.error(item, column.path, name + " is given twice", "list each dropped column once");
            }
        }
        return dropped;
    }

    private static Map<String, Object> constants(NodeReader nodes, YamlEntry entry,
            Map<String, YamlEntry> renameTargets, Set<String> dropped) throws ConfigException {
        Map<String, Object> constants = new LinkedHashMap<>();
        MappingNode node = nodes.section(entry);
        if (node == null) {
            return constants;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (YamlEntry column : nodes.entries(node, entry.path, null, "under " + entry.path).values()) {
            String name = column.key.getValue().trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!seen.add(lower)) {
                throw nodes.error(column.key, column.path, "sets a column already set above (names are compared "
                        + "without regard to case)", "give each constant column once");
            }
            YamlEntry renamedTo = renameTargets.get(lower);
            if (renamedTo != null) {
                throw nodes.error(column.key, column.path, name + " is also the new name of " + renamedTo.path
                        + ", so each inserted row would set it twice", "a constant is for a column only the "
                        + "secondary has: remove the constant or the rename");
            }
            if (dropped.contains(lower)) {
                throw nodes.error(column.key, column.path, name + " is also listed under drop, as a column the "
                        + "secondary does not have", "remove it from one of the two");
            }
            constants.put(name, constant(nodes, column));
        }
        return constants;
    }

    /** A String, an Integer, Long or BigDecimal, a Boolean, or null: what the secondary's driver binds as is. */
    private static Object constant(NodeReader nodes, YamlEntry entry) throws ConfigException {
        if (!(entry.value instanceof ScalarNode)) {
            throw nodes.error(entry.value, entry.path, "must be a single value, not " + NodeReader.kind(entry.value),
                    CONSTANT_REMEDY);
        }
        ScalarNode scalar = (ScalarNode) entry.value;
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (Tag.STR.equals(tag)) {
            return nodes.resolve(scalar, entry.path, false);
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag) && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        if (Tag.INT.equals(tag) && DECIMAL_INTEGER.matcher(text).matches()) {
            BigInteger number = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            return number.bitLength() < 32 ? (Object) number.intValue()
                    : number.bitLength() < 64 ? (Object) number.longValue() : new BigDecimal(number);
        }
        if (Tag.FLOAT.equals(tag) && DECIMAL_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        throw nodes.error(scalar, entry.path, NodeReader.echo(text) + " is " + NodeReader.kind(scalar)
                + " that the agent does not bind as a constant", CONSTANT_REMEDY);
    }
}
