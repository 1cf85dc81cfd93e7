package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.is;
import static io.dualwrite.agent.sql.SqlLexer.isIdentStart;
import static io.dualwrite.agent.sql.SqlLexer.skipLine;
import static io.dualwrite.agent.sql.SqlLexer.skipTrivia;
import static io.dualwrite.agent.sql.SqlLexer.wordEnd;
import static io.dualwrite.agent.sql.SqlQuotes.skipDollarQuote;
import static io.dualwrite.agent.sql.SqlQuotes.skipQuoted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds, token by token, the expressions of a SQL text that each database evaluates on its own (clock, random,
 * UUID, sequence, session functions of PostgreSQL and MariaDB/MySQL), skipping string literals, quoted identifiers,
 * dollar quotes and comments as the classifier does. A lexer, not a parser: it runs once per distinct SQL text and
 * is cached by the caller.
 *
 * <p>For each expression it also tells whether a {@code ?} can take its place without changing the statement's
 * meaning on either database. Only a value standing on its own qualifies, because PostgreSQL then infers the
 * parameter's type from a column: an item of a {@code VALUES} row ({@code VALUES (?, now())}), or the right-hand
 * side of {@code =}, {@code <}, ... whose left-hand side is a column ({@code SET updated_at = now()},
 * {@code WHERE expires_at < now()}), followed by the end of that value. Inside a larger expression
 * ({@code now() + interval '1 day'}, {@code date_trunc('day', now())}) a parameter's type would be unknown, and
 * arguments that name a column or hold a {@code ?} cannot be evaluated apart from the row.
 */
public final class NondeterministicScanner {

    /** Parentheses may follow, as in {@code CURRENT_TIMESTAMP(6)}, or not. */
    private static final int KEYWORD = 1;
    /** Deterministic when given arguments: {@code unix_timestamp(col)}, {@code last_insert_id(expr)}. */
    private static final int ONLY_WITHOUT_ARGUMENTS = 2;
    /** Its arguments name a sequence rather than columns: {@code nextval(seq)} on MariaDB. */
    private static final int NAMES_A_SEQUENCE = 4;

    private static final Map<String, Integer> EXPRESSIONS = new HashMap<>();

    static {
        // time, both databases (PostgreSQL: transaction time for now() and CURRENT_*, wall-clock for the others)
        add(KEYWORD, "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime");
        add(0, "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday");
        add(0, "sysdate", "curdate", "curtime");
        add(KEYWORD, "utc_timestamp", "utc_date", "utc_time");
        add(ONLY_WITHOUT_ARGUMENTS, "unix_timestamp");
        // random values and identifiers
        add(0, "random", "random_normal", "rand", "uuid", "uuid_short", "sys_guid", "uuid_v4", "uuid_v7");
        add(0, "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7");
        // sequences and session state, which the secondary's session does not share
        add(NAMES_A_SEQUENCE, "nextval", "currval", "lastval");
        add(ONLY_WITHOUT_ARGUMENTS, "last_insert_id");
        add(0, "txid_current", "pg_current_xact_id", "pg_backend_pid", "connection_id", "inet_client_addr");
        add(KEYWORD, "current_user", "session_user");
        add(0, "user", "system_user", "database", "current_database", "version");
    }

    private static void add(int flags, String... names) {
        for (String name : names) {
            EXPRESSIONS.put(name, flags);
        }
    }

    /** Every name the scanner looks for, as it reports them. */
    public static List<String> knownExpressions() {
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, Integer> e : EXPRESSIONS.entrySet()) {
            all.add(display(e.getKey(), e.getValue()));
        }
        all.add(NEXT_VALUE_FOR);
        all.sort(null);
        return all;
    }

    private static final String NEXT_VALUE_FOR = "NEXT VALUE FOR";
    private static final String[] TERMINATING_WORDS = {
        "and", "or", "where", "returning", "from", "order", "limit", "group", "having", "then", "when", "else", "end",
        "on",
    };

    private static final int NONE = 0;
    private static final int WORD = 1;
    private static final int QUOTED_NAME = 2;
    private static final int LITERAL = 3;
    private static final int OPEN = 4;
    private static final int CLOSE = 5;
    private static final int COMMA = 6;
    private static final int OPERATOR = 7;
    private static final int DOT = 8;
    private static final int OTHER = 9;

    private static final int GROUP = 0;
    private static final int CALL = 1;
    private static final int VALUES_ROW = 2;

    private final String s;
    private final int n;
    private final boolean backslash;
    private final List<NondeterministicSql.Expression> found = new ArrayList<>();
    private int[] placeholders = new int[8];
    private int placeholderCount;
    private int[] parens = new int[8];
    private int depth;
    private int lastClosed = GROUP;
    private int prevKind = NONE;
    private int prevStart;
    private int prevEnd;
    private int prev2Kind = NONE;

    private NondeterministicScanner(String sql, boolean backslashEscapes) {
        this.s = sql;
        this.n = sql.length();
        this.backslash = backslashEscapes;
    }

    /**
     * Scans {@code sql}; null and empty texts hold nothing.
     *
     * @param backslashEscapes whether a backslash escapes a quote in a literal (MariaDB/MySQL) or not (PostgreSQL,
     *                         where {@code #} is an operator rather than a comment, and {@code $$} quotes)
     */
    public static NondeterministicSql scan(String sql, boolean backslashEscapes) {
        if (sql == null || sql.isEmpty()) {
            return NondeterministicSql.NONE;
        }
        NondeterministicScanner scanner = new NondeterministicScanner(sql, backslashEscapes);
        scanner.run();
        if (scanner.found.isEmpty()) {
            return NondeterministicSql.NONE;
        }
        return new NondeterministicSql(scanner.found, Arrays.copyOf(scanner.placeholders, scanner.placeholderCount));
    }

    private void run() {
        int p = 0;
        while ((p = skipTrivia(s, p, n)) < n) {
            char c = s.charAt(p);
            if (c == '#' && backslash) {
                p = skipLine(s, p, n);
                continue;
            }
            int end = p + 1;
            int kind;
            if (isIdentStart(c)) {
                int e = wordEnd(s, p, n);
                if (e == p + 1 && (c == 'e' || c == 'E') && e < n && s.charAt(e) == '\'') {
                    end = quoted(e, '\'', true);
                    kind = LITERAL;
                } else {
                    int after = expression(p, e);
                    if (after > 0) {
                        p = after;
                        continue;
                    }
                    end = e;
                    kind = WORD;
                }
            } else {
                kind = OTHER;
                switch (c) {
                    case '\'':
                        end = quoted(p, '\'', backslash);
                        kind = LITERAL;
                        break;
                    case '"':
                        end = quoted(p, '"', backslash);
                        kind = QUOTED_NAME;
                        break;
                    case '`':
                        end = quoted(p, '`', false);
                        kind = QUOTED_NAME;
                        break;
                    case '$':
                        if (!backslash) {
                            end = skipDollarQuote(s, p, n);
                            kind = end > p + 1 ? LITERAL : OTHER;
                        }
                        break;
                    case '(':
                        open();
                        kind = OPEN;
                        break;
                    case ')':
                        lastClosed = depth > 0 ? parens[--depth] : GROUP;
                        kind = CLOSE;
                        break;
                    case ',':
                        kind = COMMA;
                        break;
                    case '.':
                        kind = DOT;
                        break;
                    case '?':
                        placeholder(p);
                        kind = LITERAL;
                        break;
                    default:
                        if (c >= '0' && c <= '9') {
                            end = wordEnd(s, p, n);
                            kind = LITERAL;
                        } else if (isOperator(c)) {
                            end = operatorEnd(p);
                            kind = OPERATOR;
                        }
                        break;
                }
            }
            token(kind, p, end);
            p = end;
        }
    }

    private void token(int kind, int start, int end) {
        prev2Kind = prevKind;
        prevKind = kind;
        prevStart = start;
        prevEnd = end;
    }

    private void open() {
        int kind = GROUP;
        if (prevKind == WORD && (is(s, prevStart, prevEnd, "values") || is(s, prevStart, prevEnd, "value"))
                || prevKind == COMMA && prev2Kind == CLOSE && lastClosed == VALUES_ROW) {
            kind = VALUES_ROW;
        } else if (prevKind == WORD || prevKind == QUOTED_NAME) {
            kind = CALL;
        }
        if (depth == parens.length) {
            parens = Arrays.copyOf(parens, depth * 2);
        }
        parens[depth++] = kind;
    }

    private void placeholder(int p) {
        if (placeholderCount == placeholders.length) {
            placeholders = Arrays.copyOf(placeholders, placeholderCount * 2);
        }
        placeholders[placeholderCount++] = p;
    }

    /**
     * If the word s[p, e) starts a non-deterministic expression, records it and returns the position after it;
     * else returns -1.
     */
    private int expression(int p, int e) {
        if (prevKind == DOT && prev2Kind != WORD && prev2Kind != QUOTED_NAME) {
            return -1;
        }
        if (prevKind == WORD && (is(s, prevStart, prevEnd, "into") || is(s, prevStart, prevEnd, "update")
                || is(s, prevStart, prevEnd, "table") || is(s, prevStart, prevEnd, "join"))) {
            return -1; // a table named uuid or user, with its column list
        }
        if (is(s, p, e, "next") && prevKind != DOT) {
            return nextValueFor(p, e);
        }
        Integer flags = EXPRESSIONS.get(s.substring(p, e).toLowerCase(Locale.ROOT));
        if (flags == null) {
            return -1;
        }
        int open = skipTrivia(s, e, n);
        boolean call = open < n && s.charAt(open) == '(';
        if (!call && ((flags & KEYWORD) == 0 || prevKind == DOT)) {
            return -1; // a column or table that happens to have the name
        }
        int end = e;
        String reason = null;
        if (call) {
            int first = skipTrivia(s, open + 1, n);
            if ((flags & ONLY_WITHOUT_ARGUMENTS) != 0 && (first >= n || s.charAt(first) != ')')) {
                return -1; // decided before looking for the closing parenthesis, so the scan stays linear
            }
            end = closing(open);
            reason = arguments(open + 1, end - 1, (flags & NAMES_A_SEQUENCE) != 0);
        }
        int start = prevKind == DOT ? qualifierStart() : p;
        record(display(s.substring(p, e).toLowerCase(Locale.ROOT), flags), start, end, reason);
        return end;
    }

    /** {@code NEXT VALUE FOR seq}, the standard (and MariaDB) way to take a sequence's next value. */
    private int nextValueFor(int p, int e) {
        int q = skipTrivia(s, e, n);
        int qe = wordEnd(s, q, n);
        if (!is(s, q, qe, "value")) {
            return -1;
        }
        int r = skipTrivia(s, qe, n);
        int re = wordEnd(s, r, n);
        if (!is(s, r, re, "for")) {
            return -1;
        }
        int end = skipTrivia(s, re, n);
        while (end < n) {
            char c = s.charAt(end);
            if (c == '"' || c == '`') {
                end = quoted(end, c, false);
            } else if (isIdentStart(c)) {
                end = wordEnd(s, end, n);
            } else {
                break;
            }
            int dot = skipTrivia(s, end, n);
            if (dot >= n || s.charAt(dot) != '.') {
                break;
            }
            end = skipTrivia(s, dot + 1, n);
        }
        record(NEXT_VALUE_FOR, p, end, null);
        return end;
    }

    private void record(String name, int start, int end, String argumentProblem) {
        String reason = argumentProblem != null ? argumentProblem : position(end);
        found.add(new NondeterministicSql.Expression(name, start, end, reason));
        token(LITERAL, start, end);
    }

    /** The start of {@code schema.} before the current word, whose dot is the previous token. */
    private int qualifierStart() {
        int q = prevStart - 1;
        while (q >= 0 && Character.isWhitespace(s.charAt(q))) {
            q--;
        }
        while (q >= 0 && (SqlLexer.isIdentPart(s.charAt(q)) || s.charAt(q) == '"' || s.charAt(q) == '`')) {
            q--;
        }
        return q + 1;
    }

    /** Null when a bound value can stand where the expression ending at {@code end} stands; else why not. */
    private String position(int end) {
        int next = skipTrivia(s, end, n);
        char c = next < n ? s.charAt(next) : ';';
        boolean valuesItem = depth > 0 && parens[depth - 1] == VALUES_ROW && (prevKind == OPEN || prevKind == COMMA)
                && (c == ',' || c == ')');
        if (valuesItem) {
            return null;
        }
        boolean comparedWithColumn = prevKind == OPERATOR && isComparison(prevStart, prevEnd)
                && (prev2Kind == WORD || prev2Kind == QUOTED_NAME) && endsValue(next, c);
        if (comparedWithColumn) {
            return null;
        }
        return "it is not a value of its own (an item of a VALUES row, or the right-hand side of SET column = ... or "
                + "of a comparison with a column)";
    }

    private boolean endsValue(int next, char c) {
        if (c == ',' || c == ')' || c == ';') {
            return true;
        }
        if (!isIdentStart(c)) {
            return false;
        }
        int e = wordEnd(s, next, n);
        for (String word : TERMINATING_WORDS) {
            if (is(s, next, e, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean isComparison(int start, int end) {
        String op = s.substring(start, end);
        return op.equals("=") || op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=")
                || op.equals("<>") || op.equals("!=");
    }

    /**
     * Checks the arguments s[from, to) of a call: null when they can be evaluated on their own, else why not. Their
     * placeholders are recorded.
     */
    private String arguments(int from, int to, boolean namesSequence) {
        String reason = null;
        int p = from;
        boolean afterCast = false;
        while ((p = skipTrivia(s, p, to)) < to) {
            char c = s.charAt(p);
            int next = p + 1;
            if (c == '\'' || c == '"' || c == '`') {
                next = Math.min(quoted(p, c, c != '`' && backslash), to);
            } else if (c == '$' && !backslash) {
                next = Math.min(skipDollarQuote(s, p, to), to);
            } else if (c == '?') {
                placeholder(p);
                reason = "its arguments hold a ? parameter";
            } else if (isIdentStart(c)) {
                next = wordEnd(s, p, to);
                int after = skipTrivia(s, next, to);
                boolean function = after < to && s.charAt(after) == '(';
                if (!function && !afterCast && !namesSequence && reason == null) {
                    reason = "its arguments refer to a column";
                }
            } else if (c >= '0' && c <= '9') {
                next = wordEnd(s, p, to);
            }
            afterCast = c == ':' && next < to && s.charAt(next) == ':' || afterCast && c == ':';
            p = next;
        }
        return reason;
    }

    /** The position after the parenthesis that closes the one at {@code open}, or the end of the text. */
    private int closing(int open) {
        int level = 0;
        int p = open;
        while ((p = skipTrivia(s, p, n)) < n) {
            char c = s.charAt(p);
            if (c == '\'' || c == '"' || c == '`') {
                p = quoted(p, c, c != '`' && backslash);
            } else if (c == '$' && !backslash) {
                p = skipDollarQuote(s, p, n);
            } else {
                if (c == '(') {
                    level++;
                } else if (c == ')' && --level == 0) {
                    return p + 1;
                }
                p++;
            }
        }
        return n;
    }

    private int quoted(int p, char close, boolean escapes) {
        int end = skipQuoted(s, p, n, close, escapes);
        return end < 0 ? n : end;
    }

    private static boolean isOperator(char c) {
        return "+-*/<>=~!@%^&|:".indexOf(c) >= 0;
    }

    private int operatorEnd(int p) {
        int e = p + 1;
        while (e < n && isOperator(s.charAt(e)) && !s.startsWith("--", e) && !s.startsWith("/*", e)) {
            e++;
        }
        return e;
    }

    private static String display(String lowerName, int flags) {
        return (flags & KEYWORD) != 0 ? lowerName.toUpperCase(Locale.ROOT) : lowerName + "()";
    }
}
