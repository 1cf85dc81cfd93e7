package io.dualwrite.agent.translate;

/**
 * A row of defaults only: PostgreSQL's {@code INSERT INTO t DEFAULT VALUES} against MariaDB's
 * {@code INSERT INTO t () VALUES ()}. Rewritten on the text, as the parser reads no {@code ()} column list;
 * quoted text is skipped.
 */
final class DefaultValues {

    private static final String POSTGRESQL_FORM = "DEFAULT VALUES";
    private static final String MYSQL_FORM = "() VALUES ()";

    private DefaultValues() {
    }

    /**
     * MariaDB's {@code () VALUES ()} or {@code VALUES ()} as {@code DEFAULT VALUES}; {@code sql} in PostgreSQL
     * quoting.
     */
    static String toPostgresql(String sql) {
        int n = sql.length();
        for (int p = 0; p < n; ) {
            int skipped = Placeholders.skipQuotedOrComment(sql, p, n, SqlDialect.POSTGRESQL);
            if (skipped > p) {
                p = skipped;
                continue;
            }
            int values = wordEnd(sql, p, n, "VALUES");
            values = values < 0 ? wordEnd(sql, p, n, "VALUE") : values;
            int end = values < 0 ? -1 : emptyParenthesesEnd(sql, values, n);
            if (end > 0) {
                if (spacesEnd(sql, end, n) < n && sql.charAt(spacesEnd(sql, end, n)) == ',') {
                    throw new CannotTranslate("several rows of defaults only (VALUES (), ()) have no "
                            + SqlDialect.POSTGRESQL + " form; insert them one by one");
                }
                int start = emptyParenthesesStart(sql, p);
                return sql.substring(0, start) + (start < p ? " " : "") + POSTGRESQL_FORM + sql.substring(end);
            }
            p++;
        }
        return sql;
    }

    /** PostgreSQL's {@code DEFAULT VALUES} as {@code () VALUES ()}; {@code sql} in MariaDB quoting. */
    static String toMysql(String sql) {
        int n = sql.length();
        for (int p = 0; p < n; ) {
            int skipped = Placeholders.skipQuotedOrComment(sql, p, n, SqlDialect.MYSQL);
            if (skipped > p) {
                p = skipped;
                continue;
            }
            int defaultEnd = wordEnd(sql, p, n, "DEFAULT");
            int end = defaultEnd < 0 ? -1 : wordEnd(sql, spacesEnd(sql, defaultEnd, n), n, "VALUES");
            if (end > 0) {
                return sql.substring(0, p) + MYSQL_FORM + sql.substring(end);
            }
            p++;
        }
        return sql;
    }

    /** The end of {@code word} when it stands at p as a whole word, in any case; else -1. */
    private static int wordEnd(String s, int p, int n, String word) {
        int end = p + word.length();
        boolean whole = s.regionMatches(true, p, word, 0, word.length())
                && (p == 0 || !LexicalTranslation.isWordChar(s.charAt(p - 1)))
                && (end == n || !LexicalTranslation.isWordChar(s.charAt(end)));
        return whole ? end : -1;
    }

    private static int spacesEnd(String s, int p, int n) {
        while (p < n && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** The end of {@code ( )} after spaces from p, or -1. */
    private static int emptyParenthesesEnd(String s, int p, int n) {
        int open = spacesEnd(s, p, n);
        if (open >= n || s.charAt(open) != '(') {
            return -1;
        }
        int close = spacesEnd(s, open + 1, n);
        return close < n && s.charAt(close) == ')' ? close + 1 : -1;
    }

    /** Where an empty column list {@code ( )} ending before p (spaces between) starts, or p when there is none. */
    private static int emptyParenthesesStart(String s, int p) {
        int q = p - 1;
        while (q >= 0 && Character.isWhitespace(s.charAt(q))) {
            q--;
        }
        if (q < 0 || s.charAt(q) != ')') {
            return p;
        }
        q--;
        while (q >= 0 && Character.isWhitespace(s.charAt(q))) {
            q--;
        }
        return q >= 0 && s.charAt(q) == '(' ? q : p;
    }
}
