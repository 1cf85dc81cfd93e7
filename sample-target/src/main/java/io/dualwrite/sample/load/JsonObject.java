package io.dualwrite.sample.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A JSON object built field by field, in order, and written indented: enough for one report, no library needed. */
final class JsonObject {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** A string, a whole number, a fractional number, another object, or null. */
    JsonObject put(String name, Object value) {
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Integer
                || value instanceof Double || value instanceof JsonObject)) {
            throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName() + " (" + name + ")");
        }
        fields.put(name, value);
        return this;
    }

    /** The value of a field put before; null when there is none. */
    Object get(String name) {
        return fields.get(name);
    }

    @Override
    public String toString() {
        StringBuilder json = new StringBuilder();
        write(json, "");
        return json.toString();
    }

    private void write(StringBuilder json, String indent) {
        json.append("{\n");
        String inner = indent + "  ";
        int i = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            json.append(inner);
            string(json, field.getKey());
            json.append(": ");
            Object value = field.getValue();
            if (value instanceof JsonObject) {
                ((JsonObject) value).write(json, inner);
            } else if (value instanceof String) {
                string(json, (String) value);
            } else if (value instanceof Double) {
                // a fixed number of decimals, and a dot whatever the locale
                json.append(String.format(Locale.ROOT, "%.1f", (Double) value));
            } else {
                json.append(value);
            }
            json.append(++i < fields.size() ? ",\n" : "\n");
        }
        json.append(indent).append('}');
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
