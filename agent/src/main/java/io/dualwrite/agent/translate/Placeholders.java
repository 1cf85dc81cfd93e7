package io.dualwrite.agent.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps track of where each bound value goes while a statement is rewritten. Before parsing, the primary's
 * {@code ?} placeholders are named in order ({@code :dw_p1}, {@code :dw_p2}, ...); a rewriting step adds constants
 * as {@code :dw_c1}, ...; after the rewritten statement is printed, every name becomes a {@code ?} again and its
 * source is recorded. Quoted text and comments are skipped, as a driver skips them.
 */
final class Placeholders {

    private static final String PRIMARY = "dw_p";
    private static final String CONSTANT = "dw_c";

    private Placeholders() {
    }

    /** The name of the {@code n}th (from 1) primary value's placeholder, without its colon. */
    static String primaryName(int n) {
        return PRIMARY + n;
    }

    /** The name of the {@code n}th (from 1) constant's placeholder, without its colon. */
    static String constantName(int n) {
        return CONSTANT + n;
    }

    /** {@code sql} with its placeholders named {@code :dw_p1}, {@code :dw_p2}, ... in order. */
    static String name(String sql, SqlDialect dialect) {
        StringBuilder named = null;
        int copied = 0;
        int count = 0;
        int n = sql.length();
        for (int p = 0; p < n; ) {
            int skipped = skipQuotedOrComment(sql, p, n, dialect);
            if (skipped > p) {
                p = skipped;
                continue;
            }
            if (sql.charAt(p) == '?') {
                named = named == null ? new StringBuilder(n + 16) : named;
                named.append(sql, copied, p).append(':').append(PRIMARY).append(++count);
                copied = p + 1;
            }
            p++;
        }
        return named == null ? sql : named.append(sql, copied, n).toString();
    }

    /** A printed statement with its named placeholders turned back into {@code ?}, and where each one's value is. */
    static Unnamed unname(String sql, SqlDialect dialect) {
        StringBuilder plain = new StringBuilder(sql.length());
        List<Integer> sources = new ArrayList<>();
        int copied = 0;
        int n = sql.length();
        for (int p = 0; p < n; ) {
            int skipped = skipQuotedOrComment(sql, p, n, dialect);
            if (skipped > p) {
                p = skipped;
                continue;
            }
            int end = sql.charAt(p) == ':' && (p == 0 || sql.charAt(p - 1) != ':') ? nameEnd(sql, p + 1, n) : -1;
            if (end > 0) {
                boolean primary = sql.startsWith(PRIMARY, p + 1);
                int number = Integer.parseInt(sql.substring(p + 1 + PRIMARY.length(), end));
                sources.add(primary ? number : -number);
                plain.append(sql, copied, p).append('?');
                copied = end;
                p = end;
                continue;
            }
            p++;
        }
        plain.append(sql, copied, n);
        return new Unnamed(plain.toString(), sources.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The end of a {@code dw_pN} or {@code dw_cN} name starting at p, or -1 when there is none. */
    private static int nameEnd(String s, int p, int n) {
        if (!s.startsWith(PRIMARY, p) && !s.startsWith(CONSTANT, p)) {
            return -1;
        }
        int digits = p + PRIMARY.length();
        int e = digits;
        while (e < n && Character.isDigit(s.charAt(e))) {
            e++;
        }
        boolean partOfWord = e < n && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_');
        return e > digits && !partOfWord ? e : -1;
    }

    /** The end of the quoted text or comment starting at p, or p when none starts there. */
    static int skipQuotedOrComment(String s, int p, int n, SqlDialect dialect) {
        char c = s.charAt(p);
        if (c == '\'') {
            boolean escapes = dialect.backslashEscapes()
                    || (p > 0 && (s.charAt(p - 1) == 'E' || s.charAt(p - 1) == 'e') && dialect == SqlDialect.POSTGRESQL);
            return closing(s, p + 1, n, '\'', escapes);
        }
        if (c == '"' || c == '`') {
            // MariaDB reads "..." as a string literal, with its escapes
            return closing(s, p + 1, n, c, c == '"' && dialect.backslashEscapes());
        }
        if (c == '-' && p + 1 < n && s.charAt(p + 1) == '-' && dashesComment(s, p + 2, n, dialect)
                || c == '#' && dialect == SqlDialect.MYSQL) {
            int end = s.indexOf('\n', p);
            return end < 0 ? n : end + 1;
        }
        if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
            int end = s.indexOf("*/", p + 2);
            return end < 0 ? n : end + 2;
        }
        if (c == '$' && dialect == SqlDialect.POSTGRESQL) {
            return dollarQuoteEnd(s, p, n);
        }
        return p;
    }

    /** MariaDB reads {@code --} as a comment only before a space or the end ({@code x--1} is x minus -1). */
    private static boolean dashesComment(String s, int afterDashes, int n, SqlDialect dialect) {
        return dialect != SqlDialect.MYSQL || afterDashes == n || s.charAt(afterDashes) <= ' ';
    }

    /** After the closing quote (a doubled quote is part of the text), or n when it is missing. */
    private static int closing(String s, int p, int n, char quote, boolean backslashEscapes) {
        while (p < n) {
            char c = s.charAt(p);
            if (backslashEscapes && c == '\\') {
                p += 2;
            } else if (c == quote) {
                if (p + 1 < n && s.charAt(p + 1) == quote) {
                    p += 2;
                } else {
                    return p + 1;
                }
            } else {
                p++;
            }
        }
        return n;
    }

    /** A PostgreSQL {@code $tag$ ... $tag$} string: its end, or p when p does not open one. */
    private static int dollarQuoteEnd(String s, int p, int n) {
        int tagEnd = p + 1;
        while (tagEnd < n && (Character.isLetterOrDigit(s.charAt(tagEnd)) || s.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= n || s.charAt(tagEnd) != '$' || (tagEnd > p + 1 && Character.isDigit(s.charAt(p + 1)))) {
            return p;
        }
        String tag = s.substring(p, tagEnd + 1);
        int end = s.indexOf(tag, tagEnd + 1);
        return end < 0 ? n : end + tag.length();
    }

    /** A statement with plain placeholders: per placeholder, a primary index (from 1) or minus a constant's. */
    static final class Unnamed {
        final String sql;
        final int[] sources;

        Unnamed(String sql, int[] sources) {
            this.sql = sql;
            this.sources = sources;
        }
    }
}
