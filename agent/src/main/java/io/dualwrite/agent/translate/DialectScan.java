package io.dualwrite.agent.translate;

/**
 * The cheap look at a statement's text that spares parsing to those that read the same in both dialects: no
 * allocation, one pass, quoted text and comments skipped as the placeholders' scan skips them.
 */
final class DialectScan {

    private DialectScan() {
    }

    /** False only when {@code sql}, written for {@code from}, certainly reads the same in the other dialect. */
    static boolean mayDiffer(String sql, SqlDialect from) {
        int n = sql.length();
        int firstWord = -1;
        int previousWord = -1;
        for (int p = 0; p < n; ) {
            char c = sql.charAt(p);
            if (c == '"' || c == '`' || c == '#' || c == '$' || (c == ':' && p + 1 < n && sql.charAt(p + 1) == ':')
                    || (c == '|' && p + 1 < n && sql.charAt(p + 1) == '|')) {
                return true;
            }
            int skipped = Placeholders.skipQuotedOrComment(sql, p, n, from);
            if (skipped > p) {
                if (c == '\'' ? literalDiffers(sql, p, skipped) : commentDiffers(sql, p, skipped, from)) {
                    return true;
                }
                p = skipped;
            } else if (c == '(' && emptyParenthesesEnd(sql, p, n) > 0) {
                // MariaDB's row of defaults, () VALUES () or VALUES (); now() reads the same
                int next = emptyParenthesesEnd(sql, p, n);
                while (next < n && Character.isWhitespace(sql.charAt(next))) {
                    next++;
                }
                if (isValues(sql, previousWord) || isValues(sql, next)) {
                    return true;
                }
                p = next;
            } else if (isWordStart(c)) {
                int end = p + 1;
                while (end < n && LexicalTranslation.isWordChar(sql.charAt(end))) {
                    end++;
                }
                if (end < n && sql.charAt(end) == '\'' || isDialectWord(sql, p, end, firstWord)) {
                    return true;
                }
                firstWord = firstWord < 0 ? p : firstWord;
                previousWord = p;
                p = end;
            } else {
                p++;
            }
        }
        return false;
    }

    /** A standard literal reads the same on both sides unless it holds a backslash. */
    private static boolean literalDiffers(String s, int p, int end) {
        int backslash = s.indexOf('\\', p);
        return backslash >= 0 && backslash < end;
    }

    /** Only MariaDB's executable comments and PostgreSQL's nested ones read differently. */
    private static boolean commentDiffers(String s, int p, int end, SqlDialect from) {
        if (s.charAt(p) != '/') {
            return false;
        }
        if (from == SqlDialect.MYSQL) {
            return s.startsWith("/*!", p) || s.startsWith("/*M!", p);
        }
        int nested = s.indexOf("/*", p + 2);
        return nested >= 0 && nested < end;
    }

    /** The end of {@code ()} at p (spaces allowed inside), or -1. */
    private static int emptyParenthesesEnd(String s, int p, int n) {
        int q = p + 1;
        while (q < n && Character.isWhitespace(s.charAt(q))) {
            q++;
        }
        return q < n && s.charAt(q) == ')' ? q + 1 : -1;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isDialectWord(String s, int p, int end, int firstWord) {
        switch (end - p) {
            case 3:
                return is(s, p, "SET") && is(s, firstWord, "INSERT");
            case 4:
                return is(s, p, "WITH") || is(s, p, "CAST") || is(s, p, "JOIN")
                        || is(s, p, "FROM") && is(s, firstWord, "UPDATE");
            case 5:
                return is(s, p, "MERGE") || is(s, p, "LIMIT") || is(s, p, "ORDER") || is(s, p, "USING");
            case 6:
                return is(s, p, "IGNORE");
            case 7:
                return is(s, p, "DEFAULT") || is(s, p, "REPLACE");
            case 8:
                return is(s, p, "CONFLICT");
            case 9:
                return is(s, p, "DUPLICATE") || is(s, p, "RETURNING");
            default:
                return false;
        }
    }

    private static boolean isValues(String s, int p) {
        return is(s, p, "VALUES") || is(s, p, "VALUE");
    }

    /** Whether the word at p is {@code word}, in any case (word boundaries are the caller's). */
    private static boolean is(String s, int p, String word) {
        return p >= 0 && s.regionMatches(true, p, word, 0, word.length())
                && (p + word.length() == s.length() || !LexicalTranslation.isWordChar(s.charAt(p + word.length())));
    }
}
