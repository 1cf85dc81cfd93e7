package io.dualwrite.agent.translate;

/**
 * Rewrites the quoting of a statement's text from one dialect to the other, before it is parsed: string literals
 * (PostgreSQL reads a backslash literally in a standard string, MariaDB as an escape), quoted identifiers
 * ({@code "x"} against {@code `x`}) and comments. Done on the text rather than on the parsed statement because
 * JSqlParser keeps literals and identifiers as raw text and misreads some MariaDB literals (a {@code \'} and a
 * {@code ''} in one literal). The literals written here read the same way, with the same boundaries, under
 * either dialect's quoting rules, so naming placeholders and parsing in the secondary's rules is exact.
 */
final class LexicalTranslation {

    private LexicalTranslation() {
    }

    /** {@code sql}, written in {@code from}'s quoting, in {@code to}'s. */
    static String translate(String sql, SqlDialect from, SqlDialect to) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = sql.length();
        int p = 0;
        while (p < n) {
            char c = sql.charAt(p);
            int prefixEnd = literalPrefixEnd(sql, p, n, from);
            if (prefixEnd > p) {
                p = literal(sql, p, prefixEnd, n, from, to, out);
            } else if (c == '\'' || (c == '"' && from == SqlDialect.MYSQL)) {
                p = literal(sql, p, p, n, from, to, out);
            } else if (c == '"' || c == '`') {
                int end = Placeholders.skipQuotedOrComment(sql, p, n, from);
                String name = unquote(sql, p, end, c);
                out.append(to == SqlDialect.MYSQL ? StringLiterals.mysqlIdentifier(name)
                        : StringLiterals.postgresqlIdentifier(name));
                p = end;
            } else if (c == '$' && from == SqlDialect.POSTGRESQL
                    && Placeholders.skipQuotedOrComment(sql, p, n, from) > p) {
                int end = Placeholders.skipQuotedOrComment(sql, p, n, from);
                int tag = sql.indexOf('$', p + 1) + 1;
                out.append(StringLiterals.encode(sql.substring(tag, end - (tag - p)), to));
                p = end;
            } else {
                int end = commentEnd(sql, p, n, from);
                if (end > p) {
                    // a comment means nothing to the secondary, and MariaDB's # form would not parse
                    out.append(' ');
                    p = end;
                } else {
                    out.append(c);
                    p++;
                }
            }
        }
        return out.toString();
    }

    /** The end of a literal's prefix letter ({@code E'}, {@code N'}, ...) at p, or p when there is none. */
    private static int literalPrefixEnd(String s, int p, int n, SqlDialect from) {
        char c = Character.toUpperCase(s.charAt(p));
        if (p + 1 >= n || (p > 0 && isWordChar(s.charAt(p - 1)))) {
            return p;
        }
        if (c == 'U' && s.startsWith("&'", p + 1)) {
            throw new CannotTranslate("a U&'...' Unicode escape string is not translated; write the characters "
                    + "themselves");
        }
        boolean prefix = c == 'E' && from == SqlDialect.POSTGRESQL || c == 'N' || c == 'X' || c == 'B';
        return prefix && s.charAt(p + 1) == '\'' ? p + 1 : p;
    }

    /** Appends the literal whose prefix starts at p and quote at {@code quote}, translated; returns its end. */
    private static int literal(String s, int p, int quote, int n, SqlDialect from, SqlDialect to, StringBuilder out) {
        char prefix = quote > p ? Character.toUpperCase(s.charAt(p)) : 0;
        boolean escapes = from.backslashEscapes() || prefix == 'E';
        int end = closingQuote(s, quote + 1, n, s.charAt(quote), escapes);
        String value = StringLiterals.decode(s, quote + 1, end - 1, s.charAt(quote), escapes, from);
        if (prefix == 'X' || prefix == 'B') {
            out.append(s, p, end);
        } else {
            // N'...' only names the national character set, which both sides' connections already use
            out.append(StringLiterals.encode(value, to));
        }
        return end;
    }

    private static int closingQuote(String s, int p, int n, char quote, boolean escapes) {
        while (p < n) {
            char c = s.charAt(p);
            if (escapes && c == '\\') {
                p += 2;
            } else if (c == quote && p + 1 < n && s.charAt(p + 1) == quote) {
                p += 2;
            } else if (c == quote) {
                return p + 1;
            } else {
                p++;
            }
        }
        throw new CannotTranslate("a quoted text is not closed");
    }

    /** The name quoted from p (its opening quote) to end (after its closing one), doubled quotes made single. */
    private static String unquote(String s, int p, int end, char quote) {
        if (end > s.length() || s.charAt(end - 1) != quote || end - p < 2) {
            throw new CannotTranslate("a quoted name is not closed");
        }
        String doubled = String.valueOf(quote) + quote;
        return s.substring(p + 1, end - 1).replace(doubled, String.valueOf(quote));
    }

    /** The end of the comment at p, or p when none starts there; refuses what MariaDB would run. */
    private static int commentEnd(String s, int p, int n, SqlDialect from) {
        char c = s.charAt(p);
        if (c != '-' && c != '#' && c != '/') {
            return p;
        }
        if (from == SqlDialect.MYSQL && (s.startsWith("/*!", p) || s.startsWith("/*M!", p))) {
            throw new CannotTranslate("a MariaDB/MySQL executable comment (/*! ... */) runs on MariaDB but would be "
                    + "ignored by " + SqlDialect.POSTGRESQL + "; write its content as plain SQL");
        }
        if (c == '/' && from == SqlDialect.POSTGRESQL && s.startsWith("/*", p)) {
            return nestedCommentEnd(s, p, n);
        }
        return Placeholders.skipQuotedOrComment(s, p, n, from);
    }

    /** PostgreSQL block comments nest. */
    private static int nestedCommentEnd(String s, int p, int n) {
        int depth = 0;
        while (p < n) {
            if (s.startsWith("/*", p)) {
                depth++;
                p += 2;
            } else if (s.startsWith("*/", p)) {
                p += 2;
                if (--depth == 0) {
                    return p;
                }
            } else {
                p++;
            }
        }
        return n;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
