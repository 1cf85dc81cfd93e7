package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.is;
import static io.dualwrite.agent.sql.SqlLexer.isIdentStart;
import static io.dualwrite.agent.sql.SqlLexer.skipLine;
import static io.dualwrite.agent.sql.SqlLexer.skipTrivia;
import static io.dualwrite.agent.sql.SqlLexer.wordEnd;
import static io.dualwrite.agent.sql.SqlQuotes.skipBracketIdentifier;
import static io.dualwrite.agent.sql.SqlQuotes.skipDollarQuote;
import static io.dualwrite.agent.sql.SqlQuotes.skipQuoted;

/**
 * Finds the data-modifying keyword of a WITH statement. Unlike the other statements, a WITH text is scanned as a
 * whole, token by token, so that a keyword inside a literal, a quoted identifier or a comment does not count.
 */
final class WithScanner {

    private static final int DML_NONE = 0;
    private static final int DML_INSERT = 1;
    private static final int DML_UPDATE = 2;
    private static final int DML_DELETE = 3;
    private static final int DML_MERGE = 4;

    /** {@link #scan} found no write but ended inside an unterminated literal. */
    private static final int UNTERMINATED = -2;

    private WithScanner() {
    }

    /**
     * The position of the INSERT, UPDATE, DELETE or MERGE keyword that decides the WITH statement whose WITH ends
     * at p: the main (parenthesis depth 0) statement's if it modifies data, else the first data-modifying CTE's.
     * Negative when the statement modifies no data.
     */
    static int writeKeyword(String s, int p, int n) {
        int k = scan(s, p, n, true);
        if (k == UNTERMINATED && s.indexOf('\\', p) >= 0) {
            // Read with backslash escapes, a literal ran to the end: it may be standard SQL, where 'C:\' is whole.
            k = scan(s, p, n, false);
        }
        return k;
    }

    /**
     * Scans from p to the end for a data-modifying keyword token. Returns the position of the first one at
     * parenthesis depth 0 (at once), else of the first one found deeper, else {@link #UNTERMINATED} if a '...' or
     * "..." literal ran to the end of the text, else -1.
     *
     * @param backslash whether backslash escapes a quote in '...' and "..." (MySQL) or not (standard SQL)
     */
    private static int scan(String s, int p, int n, boolean backslash) {
        int depth = 0;
        int nested = -1;
        int prevWordStart = -1; // the previous significant token when it was a word, else -1
        int prevWordEnd = -1;
        boolean afterDot = false;
        boolean statementStart = false;
        boolean unterminated = false;
        // Comments are skipped at the top of the loop: they leave the previous token as it was.
        while ((p = skipTrivia(s, p, n)) < n) {
            char c = s.charAt(p);
            int next = p + 1;
            if (isIdentStart(c)) {
                int e = wordEnd(s, p, n);
                if (e == p + 1 && (c == 'e' || c == 'E') && e < n && s.charAt(e) == '\'') {
                    next = skipQuoted(s, e, n, '\'', true); // E'...': backslash escapes in any dialect
                } else {
                    int dml = dmlKeyword(s, p, e);
                    if (dml != DML_NONE && !afterDot && startsDml(s, dml, e, n, prevWordStart, prevWordEnd)) {
                        if (depth <= 0) {
                            return p;
                        }
                        if (nested < 0) {
                            nested = p;
                        }
                    }
                    prevWordStart = p;
                    prevWordEnd = e;
                    afterDot = false;
                    statementStart = false;
                    p = e;
                    continue;
                }
            } else {
                switch (c) {
                    case '\'':
                    case '"':
                        next = skipQuoted(s, p, n, c, backslash);
                        break;
                    case '`':
                        next = skipQuoted(s, p, n, '`', false);
                        if (next < 0) {
                            next = n; // not UNTERMINATED: backslashes play no part, so a second reading won't help
                        }
                        break;
                    case '[':
                        next = skipBracketIdentifier(s, p, n);
                        break;
                    case '$':
                        next = skipDollarQuote(s, p, n);
                        break;
                    case '#':
                        if (statementStart) {
                            p = skipLine(s, p, n);
                            continue;
                        }
                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                    case ';':
                        depth = 0;
                        break;
                    default:
                        break;
                }
            }
            if (next < 0) {
                unterminated = true;
                next = n;
            }
            prevWordStart = -1;
            afterDot = c == '.';
            statementStart = c == ';';
            p = next;
        }
        return nested >= 0 || !unterminated ? nested : UNTERMINATED;
    }

    private static int dmlKeyword(String s, int p, int e) {
        int len = e - p;
        if (len == 6) {
            if (is(s, p, e, "insert")) {
                return DML_INSERT;
            }
            if (is(s, p, e, "update")) {
                return DML_UPDATE;
            }
            if (is(s, p, e, "delete")) {
                return DML_DELETE;
            }
        } else if (len == 5 && is(s, p, e, "merge")) {
            return DML_MERGE;
        }
        return DML_NONE;
    }

    /**
     * Whether a DML keyword token starts a statement rather than being part of another construct: not
     * {@code FOR [NO KEY] UPDATE} (row locks), not {@code ON UPDATE|DELETE} (foreign-key actions), not MySQL's
     * {@code INSERT(str, pos, len, newstr)} function.
     */
    private static boolean startsDml(String s, int dml, int e, int n, int prevStart, int prevEnd) {
        if (dml == DML_INSERT) {
            int q = skipTrivia(s, e, n);
            return q >= n || s.charAt(q) != '(';
        }
        if (prevStart < 0) {
            return true;
        }
        if (dml == DML_UPDATE && (is(s, prevStart, prevEnd, "for") || is(s, prevStart, prevEnd, "key"))) {
            return false;
        }
        return !((dml == DML_UPDATE || dml == DML_DELETE) && is(s, prevStart, prevEnd, "on"));
    }
}
