package io.dualwrite.it;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON report of {@code verify --report FILE} (issue 5's contract), read with the tests' small JSON parser:
 * per table its key columns, counts and differences, the differences rendered as the commands print them
 * ({@code missing id=17}, {@code different tenant=3, code='a-1': amount, label}) so that a test compares them with
 * {@link ReconcileTables#SEEDED_DIFFERENCES}. Table and column names are taken in lower case.
 */
final class ReconcileReport {

    private static final int SHOWN_CHARS = 6_000;

    final Path file;
    final String text;
    final Map<String, Object> document;
    final Map<String, Table> tables = new LinkedHashMap<>();

    /** One entry of {@code tables}. */
    static final class Table {
        final String name;
        /** Null when the table could not be compared. */
        final String error;
        final List<String> key = new ArrayList<>();
        long compared;
        long missing;
        long extra;
        long different;
        final Set<String> differences = new TreeSet<>();

        Table(String name, String error) {
            this.name = name;
            this.error = error;
        }
    }

    private ReconcileReport(Path file, String text) {
        this.file = file;
        this.text = text;
        Object parsed;
        try {
            parsed = MismatchLog.Json.parse(text);
        } catch (RuntimeException e) {
            throw new AssertionError("the report " + file + " is not one JSON document: " + e + "\n" + shown(), e);
        }
        if (!(parsed instanceof Map)) {
            throw new AssertionError("the report " + file + " is not a JSON object\n" + shown());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        this.document = map;
        Object list = document.get("tables");
        if (!(list instanceof List)) {
            throw new AssertionError("no \"tables\" array in the report " + file + "\n" + shown());
        }
        for (Object entry : (List<?>) list) {
            Table table = table(entry);
            tables.put(table.name, table);
        }
    }

    static ReconcileReport read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no report at " + file);
        }
        try {
            return new ReconcileReport(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not read the report " + file + ": " + e, e);
        }
    }

    /** {@code "result"}: equal, different or error. */
    String result() {
        return (String) document.get("result");
    }

    String string(String field) {
        Object value = document.get(field);
        return value == null ? null : value.toString();
    }

    /** The entry of a table; fails, showing the report, when there is none. */
    Table table(String name) {
        Table table = tables.get(name.toLowerCase(Locale.ROOT));
        if (table == null) {
            throw new AssertionError("no entry for table " + name + " in the report, only " + tables.keySet() + "\n"
                    + this);
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private Table table(Object entry) {
        if (!(entry instanceof Map)) {
            throw new AssertionError("an entry of \"tables\" is not an object: " + entry + "\n" + shown());
        }
        Map<String, Object> fields = (Map<String, Object>) entry;
        String name = String.valueOf(fields.get("table")).toLowerCase(Locale.ROOT);
        Object error = fields.get("error");
        Table table = new Table(name, error == null ? null : error.toString());
        if (error != null) {
            return table;
        }
        Object key = fields.get("key");
        if (key instanceof List) {
            for (Object column : (List<?>) key) {
                table.key.add(String.valueOf(column).toLowerCase(Locale.ROOT));
            }
        }
        table.compared = number(fields, "compared", name);
        table.missing = number(fields, "missing", name);
        table.extra = number(fields, "extra", name);
        table.different = number(fields, "different", name);
        Object differences = fields.get("differences");
        if (differences instanceof List) {
            for (Object difference : (List<?>) differences) {
                table.differences.add(render((Map<String, Object>) difference, name));
            }
        } else if (differences != null) {
            throw new AssertionError("\"differences\" of " + name + " is not an array\n" + shown());
        }
        return table;
    }

    private long number(Map<String, Object> fields, String field, String table) {
        Object value = fields.get(field);
        if (!(value instanceof BigDecimal)) {
            throw new AssertionError("\"" + field + "\" of " + table + " is not a number but " + value + "\n"
                    + shown());
        }
        return ((BigDecimal) value).longValueExact();
    }

    @SuppressWarnings("unchecked")
    private String render(Map<String, Object> difference, String table) {
        Object kind = difference.get("kind");
        Object key = difference.get("key");
        if (!(key instanceof Map) || kind == null) {
            throw new AssertionError("a difference of " + table + " without kind or key object: " + difference + "\n"
                    + shown());
        }
        StringBuilder s = new StringBuilder(kind.toString()).append(' ').append(renderKey((Map<String, Object>) key));
        Object columns = difference.get("columns");
        if ("different".equals(kind)) {
            if (!(columns instanceof List) || ((List<?>) columns).isEmpty()) {
                throw new AssertionError("a \"different\" of " + table + " without its columns: " + difference + "\n"
                        + shown());
            }
            Set<String> sorted = new TreeSet<>();
            for (Object column : (List<?>) columns) {
                sorted.add(column.toString().toLowerCase(Locale.ROOT));
            }
            s.append(": ").append(String.join(", ", sorted));
        }
        return s.toString();
    }

    /** {@code col=value, col=value}: a JSON number plain, anything else in single quotes. */
    static String renderKey(Map<String, Object> key) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> column : key.entrySet()) {
            Object value = column.getValue();
            String rendered = value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : "'" + value + "'";
            parts.add(column.getKey().toLowerCase(Locale.ROOT) + "=" + rendered);
        }
        return String.join(", ", parts);
    }

    private String shown() {
        return "---- report " + file + ":\n" + (text.length() <= SHOWN_CHARS ? text
                : text.substring(0, SHOWN_CHARS) + "\n[... " + (text.length() - SHOWN_CHARS) + " characters more]");
    }

    @Override
    public String toString() {
        return shown();
    }
}
