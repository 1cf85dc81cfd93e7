package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.skipTrivia;
import static io.dualwrite.agent.sql.SqlLexer.wordEnd;

/** Reads the table name that follows a statement's verb and keywords. */
final class TableNameReader {

    private TableNameReader() {
    }

    /**
     * Reads a table name at p: one or more {@code .}-separated parts, each unquoted or quoted with "...", `...`
     * or [...] (doubled closing quotes escape it). Returns it unquoted, as written, or null if there is none.
     */
    static String read(String s, int p, int n) {
        return read(s, p, n, null);
    }

    /**
     * {@link #read(String, int, int)}, also storing in {@code end[0]} (when {@code end} is not null and a name was
     * read) the position just after the name's last part.
     */
    static String read(String s, int p, int n, int[] end) {
        int start = p;
        int last = p;
        int parts = 0;
        int dots = 0; // separating the next part from the previous one: 2 in SQL Server's db..table
        boolean contiguous = true;
        StringBuilder sb = null;
        while (p < n) {
            char c = s.charAt(p);
            boolean quoted = c == '"' || c == '`' || c == '[';
            int q = p;
            if (!quoted) {
                while (q < n && s.charAt(q) == '#') {
                    q++; // SQL Server #temp and ##global temp tables
                }
                int e = wordEnd(s, q, n);
                if (e == q) {
                    break;
                }
                q = e;
            }
            if (sb == null && (quoted || !contiguous)) {
                sb = new StringBuilder(32);
                sb.append(s, start, last);
            }
            for (int i = 0; sb != null && i < dots; i++) {
                sb.append('.');
            }
            if (quoted) {
                q = appendUnquoted(s, p, n, sb);
                if (q < 0) {
                    return null;
                }
            } else if (sb != null) {
                sb.append(s, p, q);
            }
            last = q;
            parts++;
            p = q;
            if (p >= n || s.charAt(p) != '.') {
                int t = skipTrivia(s, p, n);
                if (t >= n || s.charAt(t) != '.') {
                    break;
                }
                contiguous = false;
                p = t;
            }
            dots = 0;
            while (p < n && s.charAt(p) == '.') {
                p++;
                dots++;
            }
            int t = skipTrivia(s, p, n);
            if (t != p) {
                contiguous = false;
                p = t;
            }
        }
        if (parts == 0) {
            return null;
        }
        if (end != null) {
            end[0] = last;
        }
        return sb != null ? sb.toString() : s.substring(start, last);
    }

    /**
     * Appends the identifier quoted at p without its quotes and with doubled closing quotes made single. Returns the
     * position after it, or -1 when it is unterminated.
     */
    private static int appendUnquoted(String s, int p, int n, StringBuilder sb) {
        char open = s.charAt(p);
        char close = open == '[' ? ']' : open;
        int q = p + 1;
        while (q < n) {
            char c = s.charAt(q);
            if (c == close) {
                if (q + 1 < n && s.charAt(q + 1) == close) {
                    sb.append(close);
                    q += 2;
                    continue;
                }
                return q + 1;
            }
            sb.append(c);
            q++;
        }
        return -1;
    }
}
