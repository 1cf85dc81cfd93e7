package io.dualwrite.agent.codec;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import io.dualwrite.agent.write.UncarriedKeysWrite;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Calendar;

/**
 * One journal record as one line of JSON, for people and tools: sequence, time, origin, failure and every
 * write with its SQL and bound values. Values keep their exactness as text where JSON numbers would lose it
 * (decimals, longs), binary is base64, and each value names its Java type.
 */
public final class JsonRecord {

    private JsonRecord() {
    }

    /** @param sequence the record's number in the journal; 0 for writes that never were in it */
    public static String render(long sequence, long timestampMillis, UnappliedWrites unit, String extraKey,
                                String extraValue) {
        StringBuilder json = new StringBuilder(256).append('{');
        if (sequence > 0) {
            json.append("\"sequence\":").append(sequence).append(',');
        }
        json.append("\"time\":").append(quote(Instant.ofEpochMilli(timestampMillis).toString()))
                .append(",\"connection\":").append(quote(unit.connection()))
                .append(",\"failure\":").append(quote(unit.failure()));
        if (unit.outcomeUnknown()) {
            json.append(",\"outcome-unknown\":true");
        }
        if (extraKey != null) {
            json.append(',').append(quote(extraKey)).append(':').append(quote(extraValue));
        }
        json.append(",\"writes\":[");
        for (int i = 0; i < unit.writes().size(); i++) {
            json.append(i > 0 ? "," : "");
            write(json, unit.writes().get(i));
        }
        return json.append("]}").toString();
    }

    private static void write(StringBuilder json, MirroredWrite write) {
        if (write instanceof UncarriedKeysWrite) {
            UncarriedKeysWrite uncarried = (UncarriedKeysWrite) write;
            json.append("{\"kind\":\"uncarried-keys\",\"reason\":").append(quote(uncarried.reason()))
                    .append(",\"write\":");
            write(json, uncarried.write());
            json.append('}');
            return;
        }
        if (write instanceof StatementWrite) {
            StatementWrite statement = (StatementWrite) write;
            json.append("{\"kind\":\"statement\",\"batch\":").append(statement.isBatch()).append(",\"sql\":[");
            for (int i = 0; i < statement.sqlTexts().size(); i++) {
                json.append(i > 0 ? "," : "").append(quote(statement.sqlTexts().get(i)));
            }
            json.append("]}");
            return;
        }
        PreparedWrite prepared = (PreparedWrite) write;
        json.append("{\"kind\":\"prepared\",\"batch\":").append(prepared.isBatch())
                .append(",\"sql\":").append(quote(prepared.sql())).append(",\"rows\":[");
        for (int r = 0; r < prepared.rows().size(); r++) {
            json.append(r > 0 ? "," : "").append('[');
            boolean first = true;
            for (Parameter parameter : prepared.rows().get(r)) {
                if (parameter != null) {
                    json.append(first ? "" : ",");
                    parameter(json, parameter);
                    first = false;
                }
            }
            json.append(']');
        }
        json.append("]}");
    }

    private static void parameter(StringBuilder json, Parameter parameter) {
        Object[] args = parameter.arguments();
        json.append("{\"index\":").append(args[0]);
        if (parameter.unreplayableReason() != null) {
            json.append(",\"unreplayable\":").append(quote(parameter.unreplayableReason())).append('}');
            return;
        }
        json.append(",\"setter\":").append(quote(parameter.setter().name()));
        Object value = args.length > 1 ? args[1] : null;
        json.append(",\"type\":").append(value == null ? "null" : quote(value.getClass().getSimpleName()))
                .append(",\"value\":");
        value(json, value);
        for (int i = 2; i < args.length; i++) {
            json.append(",\"arg").append(i).append("\":");
            value(json, args[i]);
        }
        json.append('}');
    }

    /** Appends a bound value as the journal renders it, for other lines that show bound values. */
    public static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof Float || value instanceof Double) {
            double number = ((Number) value).doubleValue();
            json.append(Double.isFinite(number) ? value.toString() : quote(value.toString()));
        } else if (value instanceof byte[]) {
            json.append(quote(Base64.getEncoder().encodeToString((byte[]) value)));
        } else if (value instanceof BigDecimal) {
            json.append(quote(((BigDecimal) value).toPlainString()));
        } else if (value instanceof Calendar) {
            json.append(quote(((Calendar) value).getTimeZone().getID()));
        } else {
            json.append(quote(value.toString()));
        }
    }

    /** {@code text} as a JSON string, quotes included. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': quoted.append("\\\""); break;
                case '\\': quoted.append("\\\\"); break;
                case '\n': quoted.append("\\n"); break;
                case '\r': quoted.append("\\r"); break;
                case '\t': quoted.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
            }
        }
        return quoted.append('"').toString();
    }
}
