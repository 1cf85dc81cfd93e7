package io.dualwrite.agent.cli;

import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.config.TableMapping;
import io.dualwrite.agent.sql.SqlInfo;
import io.dualwrite.agent.sql.SqlKind;
import io.dualwrite.agent.translate.SecondaryStatement;
import io.dualwrite.agent.translate.SqlDialect;
import io.dualwrite.agent.translate.StatementTranslator;
import java.util.List;

/** How the agent would treat one statement, as text for people and as one line of JSON for tools. */
final class Explanation {

    enum Outcome {
        MIRRORED("mirrored", "mirrored"),
        SKIPPED("skipped", "skipped"),
        NOT_A_WRITE("not a write", "not-a-write"),
        DISABLED("not mirrored", "disabled");

        final String text;
        final String json;

        Outcome(String text, String json) {
            this.text = text;
            this.json = json;
        }
    }

    private static final String NL = System.lineSeparator();

    final String sql;
    final SqlInfo info;
    final Outcome outcome;
    final String why;
    /** Only for a mirrored statement: how the secondary's schema names its table, or null when not mapped. */
    final TableMapping mapping;
    final SqlDialect primary;
    final SqlDialect secondary;
    /** Only for a mirrored statement: what the secondary runs, or null when {@link #untranslatable}. */
    final SecondaryStatement translation;
    /** Why the secondary cannot be given the statement, or null. */
    final String untranslatable;
    /**
     * The non-deterministic expressions of a mirrored statement ({@code now()}, {@code random()}, ...), which give
     * each side a different value; null for a statement that is not mirrored.
     */
    List<String> nondeterministic;

    private Explanation(String sql, SqlInfo info, Outcome outcome, String why, TableMapping mapping,
            StatementTranslator translator, SecondaryStatement translation, String untranslatable) {
        this.sql = sql;
        this.info = info;
        this.outcome = outcome;
        this.why = why;
        this.mapping = mapping;
        this.primary = translator.from();
        this.secondary = translator.to();
        this.translation = translation;
        this.untranslatable = untranslatable;
    }

    /** A statement the agent does not send to the secondary. */
    static Explanation notSent(String sql, SqlInfo info, Outcome outcome, String why, StatementTranslator translator) {
        return new Explanation(sql, info, outcome, why, null, translator, null, null);
    }

    /** A mirrored statement: its translation, or the reason there is none. */
    static Explanation mirrored(String sql, SqlInfo info, String why, TableMapping mapping,
            StatementTranslator translator, SecondaryStatement translation, String untranslatable,
            List<String> nondeterministic) {
        Explanation explanation = new Explanation(sql, info, Outcome.MIRRORED, why, mapping, translator, translation,
                untranslatable);
        explanation.nondeterministic = nondeterministic;
        return explanation;
    }

    boolean isUntranslatable() {
        return untranslatable != null;
    }

    String text(int number) {
        StringBuilder text = new StringBuilder("statement ").append(number).append(": ").append(sql);
        line(text, "classification: ").append(info.kind());
        if (!info.verb().isEmpty()) {
            text.append(" (").append(info.verb()).append(')');
        }
        if (info.table() != null) {
            text.append(", table ").append(info.table());
        } else if (info.kind() == SqlKind.WRITE || info.kind() == SqlKind.DDL) {
            text.append(", table unknown");
        }
        line(text, outcome.text).append(": ").append(why);
        if (outcome != Outcome.MIRRORED) {
            return text.toString();
        }
        line(text, "mapping: ").append(mapping == null ? "none for this table" : mapping.toString());
        line(text, "dialects: ").append(primary).append(" (primary.url-pattern) -> ").append(secondary)
                .append(" (secondary.url)");
        if (untranslatable != null) {
            line(text, "secondary: untranslatable: ").append(untranslatable);
            line(text, "  the agent would keep each such write in the dead-letter file with this reason");
        } else if (translation.isSame()) {
            line(text, "secondary: the same statement, with the primary's values");
        } else if (translation.runsNothing()) {
            line(text, "secondary: nothing to run (the mapping dropped every column the statement changes)");
        } else {
            line(text, "secondary: ").append(translation.sql());
            for (int p = 1; p <= translation.placeholderCount(); p++) {
                int source = translation.primaryParameterOf(p);
                line(text, "  ?").append(p).append(" = ").append(source > 0 ? "primary parameter " + source
                        : "constant " + sqlLiteral(translation.constantOf(p)));
            }
        }
        line(text, "non-deterministic expressions: ")
                .append(nondeterministic.isEmpty() ? "none" : String.join(", ", nondeterministic));
        return text.toString();
    }

    String json() {
        StringBuilder json = new StringBuilder("{\"sql\":").append(JsonRecord.quote(sql))
                .append(",\"kind\":").append(JsonRecord.quote(info.kind().name()))
                .append(",\"verb\":").append(JsonRecord.quote(info.verb()))
                .append(",\"table\":").append(info.table() == null ? "null" : JsonRecord.quote(info.table()))
                .append(",\"outcome\":").append(JsonRecord.quote(outcome.json))
                .append(",\"why\":").append(JsonRecord.quote(why));
        if (outcome == Outcome.MIRRORED) {
            json.append(",\"mapping\":").append(mapping == null ? "null" : JsonRecord.quote(mapping.toString()))
                    .append(",\"primary-dialect\":").append(JsonRecord.quote(primary.name()))
                    .append(",\"secondary-dialect\":").append(JsonRecord.quote(secondary.name()))
                    .append(",\"secondary\":");
            secondaryJson(json);
            json.append(",\"nondeterministic\":[");
            for (int i = 0; i < nondeterministic.size(); i++) {
                json.append(i > 0 ? "," : "").append(JsonRecord.quote(nondeterministic.get(i)));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private void secondaryJson(StringBuilder json) {
        if (untranslatable != null) {
            json.append("{\"untranslatable\":").append(JsonRecord.quote(untranslatable)).append('}');
        } else if (translation.isSame()) {
            json.append("{\"same\":true}");
        } else if (translation.runsNothing()) {
            json.append("{\"nothing\":true}");
        } else {
            json.append("{\"sql\":").append(JsonRecord.quote(translation.sql())).append(",\"parameters\":[");
            for (int p = 1; p <= translation.placeholderCount(); p++) {
                int source = translation.primaryParameterOf(p);
                json.append(p > 1 ? "," : "");
                if (source > 0) {
                    json.append("{\"primary\":").append(source).append('}');
                } else {
                    json.append("{\"constant\":").append(jsonValue(translation.constantOf(p))).append('}');
                }
            }
            json.append("]}");
        }
    }

    /** A mapping constant (a String, Number, Boolean or null) as SQL would write it, to be read, not run. */
    private static String sqlLiteral(Object value) {
        return value instanceof String ? "'" + ((String) value).replace("'", "''") + "'"
                : value == null ? "NULL" : value.toString();
    }

    private static String jsonValue(Object value) {
        return value instanceof String ? JsonRecord.quote((String) value)
                : value == null ? "null" : value instanceof Number || value instanceof Boolean
                        ? value.toString() : JsonRecord.quote(value.toString());
    }

    private static StringBuilder line(StringBuilder text, String start) {
        return text.append(NL).append("  ").append(start);
    }
}
