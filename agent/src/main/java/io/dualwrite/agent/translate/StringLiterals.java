package io.dualwrite.agent.translate;

import java.util.Locale;
import java.util.Set;

/** Reads a string literal's value in one dialect's rules and writes a value as a literal or name in the other's. */
final class StringLiterals {

    /**
     * Lower-case words that stay quoted in PostgreSQL: its reserved key words, and words the SQL parser reads as
     * key words. Quoting a lower-case name there changes nothing, so this list may hold more than needed.
     */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
            "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
            "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign",
            "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
            "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user",
            "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with", "key", "value",
            "values", "index", "set", "update", "delete", "insert", "conflict", "duplicate", "ignore", "replace");

    private StringLiterals() {
    }

    /**
     * The value of the literal text between {@code start} and {@code end} (its quotes excluded): a doubled quote is
     * one quote, and when {@code escapes}, a backslash escapes what follows as {@code dialect} reads it (MariaDB's
     * strings, PostgreSQL's E'...' strings).
     */
    static String decode(String s, int start, int end, char quote, boolean escapes, SqlDialect dialect) {
        StringBuilder value = new StringBuilder(end - start);
        for (int p = start; p < end; p++) {
            char c = s.charAt(p);
            if (c == quote) {
                p++;
                value.append(c);
            } else if (escapes && c == '\\' && p + 1 < end) {
                p = dialect == SqlDialect.MYSQL ? unescapeMysql(s.charAt(p + 1), value) + p
                        : unescapePostgresql(s, p + 1, end, value);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** Appends what MariaDB reads for backslash and {@code c}; returns 1, the length of the escape after p. */
    private static int unescapeMysql(char c, StringBuilder value) {
        switch (c) {
            case '0': value.append('\0'); break;
            case 'n': value.append('\n'); break;
            case 'r': value.append('\r'); break;
            case 't': value.append('\t'); break;
            case 'b': value.append('\b'); break;
            case 'Z': value.append('\u001a'); break;
            // MariaDB keeps the backslash of \% and \_ outside LIKE patterns, and in them both sides read the
            // pair as an escaped wildcard
            case '%':
            case '_': value.append('\\').append(c); break;
            default: value.append(c);
        }
        return 1;
    }

    /** Appends what a PostgreSQL E'...' string reads at p, after a backslash; returns the escape's last index. */
    private static int unescapePostgresql(String s, int p, int end, StringBuilder value) {
        char c = s.charAt(p);
        switch (c) {
            case 'n': value.append('\n'); return p;
            case 'r': value.append('\r'); return p;
            case 't': value.append('\t'); return p;
            case 'b': value.append('\b'); return p;
            case 'f': value.append('\f'); return p;
            case 'x': return hex(s, p + 1, end, 2, value, p);
            case 'u': return hex(s, p + 1, end, 4, value, p);
            case 'U': return hex(s, p + 1, end, 8, value, p);
            default:
                if (c >= '0' && c <= '7') {
                    int e = p;
                    while (e < end && e < p + 3 && s.charAt(e) >= '0' && s.charAt(e) <= '7') {
                        e++;
                    }
                    value.append((char) Integer.parseInt(s.substring(p, e), 8));
                    return e - 1;
                }
                value.append(c);
                return p;
        }
    }

    /** Up to {@code digits} hex digits from p as one code point, or the escaped letter alone when none follow. */
    private static int hex(String s, int p, int end, int digits, StringBuilder value, int letter) {
        int e = p;
        while (e < end && e < p + digits && Character.digit(s.charAt(e), 16) >= 0) {
            e++;
        }
        if (e == p) {
            value.append(s.charAt(letter));
            return letter;
        }
        value.appendCodePoint(Integer.parseInt(s.substring(p, e), 16));
        return e - 1;
    }

    /**
     * {@code value} as a string literal of {@code dialect}. PostgreSQL: a standard string when it holds no
     * backslash or control character, else an E'...' string; MariaDB: backslash escapes only, never a doubled
     * quote (the parser misreads a literal holding both).
     */
    static String encode(String value, SqlDialect dialect) {
        boolean mysql = dialect == SqlDialect.MYSQL;
        boolean escaped = mysql;
        for (int i = 0; i < value.length() && !escaped; i++) {
            char c = value.charAt(i);
            escaped = c == '\\' || c < 0x20 || c == 0x7f;
        }
        if (!mysql && value.indexOf('\0') >= 0) {
            throw new CannotTranslate("a string literal holds the NUL character (\\0), which PostgreSQL text "
                    + "cannot store");
        }
        StringBuilder out = new StringBuilder(value.length() + 3).append(escaped && !mysql ? "E'" : "'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                out.append(mysql ? "\\'" : "''");
            } else if (escaped) {
                appendEscaped(c, mysql, out);
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    private static void appendEscaped(char c, boolean mysql, StringBuilder out) {
        switch (c) {
            case '\\': out.append("\\\\"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            case '\b': out.append("\\b"); break;
            case '\0': out.append("\\0"); break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    // MariaDB has no numeric escape: the character itself is valid inside its literals
                    out.append(mysql ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
        }
    }

    /** A name for MariaDB: always quoted, so that key words and any character stay names. */
    static String mysqlIdentifier(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /**
     * A name for PostgreSQL: a plain lower-case name unquoted (it reads the same as quoted, and stays readable);
     * any other quoted, so that its case is kept.
     */
    static String postgresqlIdentifier(String name) {
        return isPlainLowerCase(name) && !RESERVED.contains(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    private static boolean isPlainLowerCase(String name) {
        if (name.isEmpty() || !(name.charAt(0) >= 'a' && name.charAt(0) <= 'z' || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
