package io.dualwrite.agent.sql;

/**
 * The classifier's lexical layer: character classes, words and keywords, and the skipping of whitespace and
 * comments (quoted text is {@link SqlQuotes}).
 *
 * <p>Every method works on a text {@code s} up to its length {@code n} and returns positions instead of tokens, so
 * that classifying allocates nothing; none reads at or past {@code n}.
 */
final class SqlLexer {

    private static final byte IDENT_START = 1;
    private static final byte IDENT_PART = 2;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = IDENT_START | IDENT_PART;
            ASCII[c - 'a' + 'A'] = IDENT_START | IDENT_PART;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = IDENT_PART;
        }
        ASCII['_'] = IDENT_START | IDENT_PART;
        ASCII['$'] = IDENT_PART;
    }

    private SqlLexer() {
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || (c >= 128 && (Character.isSpaceChar(c) || c == '\uFEFF'));
    }

    static boolean isIdentStart(char c) {
        return c < 128 ? (ASCII[c] & IDENT_START) != 0 : Character.isLetter(c) || Character.isSurrogate(c);
    }

    static boolean isIdentPart(char c) {
        return c < 128 ? (ASCII[c] & IDENT_PART) != 0 : Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    /** The end of the word at p (p itself when there is none). */
    static int wordEnd(String s, int p, int n) {
        while (p < n && isIdentPart(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Whether s[p, e) is {@code kw} (given in lower case: letters and '_'), ignoring ASCII case. */
    static boolean is(String s, int p, int e, String kw) {
        int len = kw.length();
        if (e - p != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(p + i);
            char k = kw.charAt(i);
            if (c != k && (c | 0x20) != k) {
                return false;
            }
        }
        return true;
    }

    static boolean isAny(String s, int p, int e, String[] kws) {
        if (e == p) {
            return false;
        }
        for (String kw : kws) {
            if (is(s, p, e, kw)) {
                return true;
            }
        }
        return false;
    }

    /** Skips the keyword {@code kw} at p (a token start) if it is there, returning the next token start. */
    static int skipOptional(String s, int p, int n, String kw) {
        int e = wordEnd(s, p, n);
        return is(s, p, e, kw) ? skipTrivia(s, e, n) : p;
    }

    /** Skips what may precede a statement: trivia, and also {@code #} comments, {@code (} and {@code ;}. */
    static int skipLeading(String s, int p, int n) {
        while (true) {
            p = skipTrivia(s, p, n);
            if (p >= n) {
                return p;
            }
            char c = s.charAt(p);
            if (c == '(' || c == ';') {
                p++;
            } else if (c == '#') {
                p = skipLine(s, p, n);
            } else {
                return p;
            }
        }
    }

    /**
     * Skips whitespace, {@code --} and block comments inside a statement. Not {@code #}: inside a statement it is
     * PostgreSQL's XOR operator or starts a SQL Server #temp table name.
     */
    static int skipTrivia(String s, int p, int n) {
        while (p < n) {
            char c = s.charAt(p);
            if (isSpace(c)) {
                p++;
            } else if (c == '-' && p + 1 < n && s.charAt(p + 1) == '-') {
                p = skipLine(s, p, n);
            } else if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
                p = skipBlockComment(s, p, n);
            } else {
                break;
            }
        }
        return p;
    }

    static int skipLine(String s, int p, int n) {
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\n' || c == '\r') {
                return p + 1;
            }
            p++;
        }
        return n;
    }

    /** Skips a block comment starting at p ({@code /*}), nested as PostgreSQL allows; unterminated: to the end. */
    private static int skipBlockComment(String s, int p, int n) {
        int depth = 1;
        p += 2;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '*' && p + 1 < n && s.charAt(p + 1) == '/') {
                p += 2;
                if (--depth == 0) {
                    return p;
                }
            } else if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
                p += 2;
                depth++;
            } else {
                p++;
            }
        }
        return n;
    }
}
