package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.isIdentStart;

/**
 * Skips quoted text: string literals, quoted identifiers and PostgreSQL's dollar quotes. As in {@link SqlLexer},
 * every method returns a position and reads nothing at or past {@code n}.
 */
final class SqlQuotes {

    /** Longest [bracketed] identifier accepted (SQL Server's sysname is 128). */
    private static final int MAX_BRACKET_IDENTIFIER = 128;

    private SqlQuotes() {
    }

    /**
     * Skips a literal or identifier opened at p, closed by {@code close} (doubled to escape it) and, when
     * {@code backslash}, with backslash escapes. Returns the position after it, or -1 when it is unterminated.
     */
    static int skipQuoted(String s, int p, int n, char close, boolean backslash) {
        p++;
        while (p < n) {
            char c = s.charAt(p);
            if (c == close) {
                if (p + 1 < n && s.charAt(p + 1) == close) {
                    p += 2;
                    continue;
                }
                return p + 1;
            }
            p += backslash && c == '\\' ? 2 : 1;
        }
        return -1;
    }

    /**
     * Skips {@code [identifier]} (SQL Server, with {@code ]]} escapes) at p when it looks like one: closed within
     * 128 chars, no quote or {@code [} inside. Otherwise (a PostgreSQL array subscript or constructor holding
     * literals) only the {@code [} is skipped so that the literals inside are scanned as such.
     */
    static int skipBracketIdentifier(String s, int p, int n) {
        int limit = Math.min(n, p + 2 + MAX_BRACKET_IDENTIFIER);
        int q = p + 1;
        while (q < limit) {
            char c = s.charAt(q);
            if (c == ']') {
                if (q + 1 < n && s.charAt(q + 1) == ']') {
                    q += 2;
                    continue;
                }
                return q + 1;
            }
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                break;
            }
            q++;
        }
        return p + 1;
    }

    /** Skips a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}) at p, or only the {@code $}. */
    static int skipDollarQuote(String s, int p, int n) {
        int q = p + 1;
        if (q < n && s.charAt(q) != '$') {
            if (!isTagStart(s.charAt(q))) {
                return p + 1; // $1 parameter, or a stray $
            }
            while (q < n && isTagPart(s.charAt(q))) {
                q++;
            }
            if (q >= n || s.charAt(q) != '$') {
                return p + 1;
            }
        }
        if (q >= n) {
            return n;
        }
        int tagLength = q + 1 - p; // $tag$ including both dollars
        int from = q + 1;
        while (true) {
            int d = s.indexOf('$', from);
            if (d < 0 || d + tagLength > n) {
                return n; // unterminated: the rest is the string
            }
            if (s.regionMatches(d, s, p, tagLength)) {
                return d + tagLength;
            }
            from = d + 1;
        }
    }

    /** A dollar-quote tag is read as PostgreSQL does: like an identifier, but without '$'. */
    private static boolean isTagStart(char c) {
        return c < 128 ? isIdentStart(c) : Character.isLetter(c);
    }

    private static boolean isTagPart(char c) {
        return isTagStart(c) || (c >= '0' && c <= '9');
    }
}
