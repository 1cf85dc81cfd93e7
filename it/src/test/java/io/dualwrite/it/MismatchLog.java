package io.dualwrite.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's shadow-read mismatch log ({@code reads.mismatch-log}): one JSON object a line, with the fields
 * {@code time, sql, parameters, kind, row, column, primary, secondary, primaryRows, secondaryRows}.
 */
final class MismatchLog {

    /** Where the log is when {@code reads.mismatch-log} is left out: next to the configuration file. */
    static final String DEFAULT_NAME = "dualwrite-mismatches.jsonl";

    private final Path file;

    MismatchLog(Path file) {
        this.file = file;
    }

    /** The default log of a run: {@value #DEFAULT_NAME} in its configuration file's directory. */
    static MismatchLog nextTo(AgentRun run) {
        return in(run, DEFAULT_NAME);
    }

    /** The log of a run whose {@code reads.mismatch-log} is this path, relative to the configuration file. */
    static MismatchLog in(AgentRun run, String relativePath) {
        return new MismatchLog(run.configPath().getParent().resolve(relativePath));
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The whole file; empty when there is none. */
    String text() {
        try {
            return exists() ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the mismatch log " + file, e);
        }
    }

    /** The complete lines (a line still being written is left out); none when there is no file. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        String text = text();
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return lines;
        }
        for (String line : text.substring(0, end).split("\\r?\\n")) {
            if (!line.isBlank()) {
                lines.add(new Line(line));
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "mismatch log " + file + (exists() ? ":\n" + text() : " (no such file)");
    }

    /** One mismatch. */
    static final class Line {

        private static final Pattern INTEGER = Pattern.compile("-?\\d+");

        final String text;
        final Map<String, Object> fields;

        @SuppressWarnings("unchecked")
        Line(String text) {
            this.text = text;
            Object parsed = Json.parse(text);
            if (!(parsed instanceof Map)) {
                throw new AssertionError("a mismatch log line that is not a JSON object: " + text);
            }
            this.fields = (Map<String, Object>) parsed;
        }

        boolean has(String field) {
            return fields.containsKey(field);
        }

        /** The field as text (a number in its plain form); null when absent or JSON null. */
        String string(String field) {
            Object value = fields.get(field);
            if (value instanceof BigDecimal) {
                return ((BigDecimal) value).toPlainString();
            }
            return value == null ? null : String.valueOf(value);
        }

        /** The field as a whole number; fails when it is not one. */
        long number(String field) {
            String value = string(field);
            if (value == null || !INTEGER.matcher(value).matches()) {
                throw new AssertionError("field " + field + " is not a whole number in " + text);
            }
            return Long.parseLong(value);
        }

        /**
         * The whole numbers among the bound parameters, whatever their layout (a list, an object of index to
         * value, numbers or strings): for a read bound only with an id, that id.
         */
        List<Long> boundNumbers() {
            List<Long> numbers = new ArrayList<>();
            collectNumbers(fields.get("parameters"), numbers);
            return numbers;
        }

        private static void collectNumbers(Object value, List<Long> numbers) {
            if (value instanceof Map) {
                collectNumbersOf(((Map<?, ?>) value).values(), numbers);
            } else if (value instanceof Collection) {
                collectNumbersOf((Collection<?>) value, numbers);
            } else if (value instanceof BigDecimal) {
                numbers.add(((BigDecimal) value).longValue());
            } else if (value instanceof String) {
                Matcher m = INTEGER.matcher((String) value);
                while (m.find()) {
                    numbers.add(Long.parseLong(m.group()));
                }
            }
        }

        private static void collectNumbersOf(Collection<?> values, List<Long> numbers) {
            for (Object item : values) {
                collectNumbers(item, numbers);
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Just enough JSON for the log: objects, arrays, strings, numbers (as BigDecimal), booleans and null. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("a value expected");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                at++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek(']')) {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n': s.append('\n'); break;
                    case 't': s.append('\t'); break;
                    case 'r': s.append('\r'); break;
                    case 'b': s.append('\b'); break;
                    case 'f': s.append('\f'); break;
                    case 'u':
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                        break;
                    default: s.append(e);
                }
            }
            throw error("an unterminated string");
        }

        private BigDecimal number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("a value expected");
            }
            return new BigDecimal(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("'" + word + "' expected");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        private AssertionError error(String what) {
            return new AssertionError("not JSON: " + what + " at character " + at + " of " + text);
        }
    }
}
