package io.dualwrite.agent.sql;

/** SQL text fit for a log line: string and numeric literals replaced by {@code ?}, and the length capped. */
public final class SqlMasking {

    private static final int MAX_LENGTH = 200;

    private SqlMasking() {
    }

    public static String mask(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH));
        int i = 0;
        int n = sql.length();
        while (i < n && out.length() < MAX_LENGTH) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i + 1);
                out.append('?');
            } else if (Character.isDigit(c) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1))
                    && sql.charAt(i - 1) != '_')) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.append('?');
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        return i < n ? out.append("...").toString() : out.toString();
    }

    private static int skipQuoted(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
