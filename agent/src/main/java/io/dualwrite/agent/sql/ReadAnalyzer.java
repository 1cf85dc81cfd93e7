package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.is;
import static io.dualwrite.agent.sql.SqlLexer.isAny;
import static io.dualwrite.agent.sql.SqlLexer.isIdentPart;
import static io.dualwrite.agent.sql.SqlLexer.isIdentStart;
import static io.dualwrite.agent.sql.SqlLexer.skipLine;
import static io.dualwrite.agent.sql.SqlLexer.skipTrivia;
import static io.dualwrite.agent.sql.SqlLexer.wordEnd;
import static io.dualwrite.agent.sql.SqlQuotes.skipBracketIdentifier;
import static io.dualwrite.agent.sql.SqlQuotes.skipDollarQuote;
import static io.dualwrite.agent.sql.SqlQuotes.skipQuoted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether a SQL text is a read that another database may answer, which tables it reads and whether its result
 * is ordered (see {@link ReadInfo}).
 *
 * <p>Like {@link SqlClassifier} this is lexical, not a parser: one pass over the tokens (skipping comments, string
 * literals, dollar quotes and quoted identifiers with {@link SqlLexer} and {@link SqlQuotes}) that tracks, per
 * parenthesis depth, whether the parenthesis opened a subquery (its first word is SELECT, WITH, VALUES or TABLE), a
 * parenthesised join, a CTE body, or something else (a function's arguments, an expression, a column list). A FROM
 * counts only at a depth that is a statement or a subquery, so that {@code EXTRACT(YEAR FROM d)} is no table list;
 * a table reference is read with {@link TableNameReader} after FROM, any JOIN, APPLY, and a comma of a FROM list.
 *
 * <p>Quotes are read twice when the text holds a backslash: with MySQL's backslash escapes and the standard SQL way.
 * A reading that leaves a literal unterminated is the wrong one; when both readings end well but disagree the text
 * is not routable.
 *
 * <p>Known limits: a CTE name hides a table of the same name anywhere after its declaration (scopes are not
 * tracked), compared ignoring case; {@code dual} is no table; {@code FROM t (NOLOCK)} (SQL Server's old hint
 * syntax) reads as a table function; MySQL's {@code --x} (not a comment there without a space) is a comment, and its
 * {@code #} comments inside a statement are read as code (a quote after such a {@code #} makes the text not
 * routable); functions are known by name only, so a user function with side effects, or a view that calls one,
 * is routable; a data-modifying CTE is found by {@link SqlClassifier} and by the first word of each CTE body.
 */
public final class ReadAnalyzer {

    private static final ReadInfo NOT_UNDERSTOOD = new ReadInfo("not understood", null, false, false);
    private static final ReadInfo NOT_SELECT = new ReadInfo(ReadInfo.NOT_A_SELECT, null, false, false);
    private static final ReadInfo DATA_MODIFYING_WITH = new ReadInfo(ReadInfo.DATA_MODIFYING_WITH, null, false, false);

    /** Functions, called by these names, with side effects or an answer that depends on the session. */
    private static final String[] SESSION_FUNCTIONS = {
        "nextval", "setval", "currval", "lastval", "last_insert_id", "found_rows", "row_count", "get_lock",
        "release_lock", "release_all_locks", "is_used_lock", "is_free_lock", "set_config", "current_setting",
        "pg_sleep", "sleep", "benchmark", "txid_current", "pg_current_xact_id", "pg_backend_pid", "connection_id",
        "pg_notify", "pg_cancel_backend", "pg_terminate_backend"
    };
    /** Prefixes of such functions' names. */
    private static final String[] SESSION_FUNCTION_PREFIXES = {
        "pg_advisory_", "pg_try_advisory_", "lo_", "dbms_", "pg_sleep_", "txid_current_", "pg_current_xact_id_"
    };
    /** SQL Server table hints that take locks beyond the statement's shared ones. */
    private static final String[] LOCK_HINTS = {"updlock", "xlock", "holdlock", "tablockx"};
    /** Keywords that end a FROM list (after them a comma separates no tables). */
    private static final String[] FROM_LIST_ENDS = {
        "where", "group", "having", "order", "limit", "offset", "fetch", "window", "for", "lock", "into", "qualify",
        "connect", "start", "select", "returning", "option", "procedure"
    };
    private static final String[] SET_OPERATORS = {"union", "intersect", "except", "minus"};

    private ReadAnalyzer() {
    }

    /** Analyses {@code sql}; null and anything but a SELECT or WITH are not routable. Never throws. */
    public static ReadInfo analyze(String sql) {
        try {
            return analyzeUnchecked(sql);
        } catch (RuntimeException e) {
            // Not expected (the scanner checks every bound); an agent must never break the application's call.
            return NOT_UNDERSTOOD;
        }
    }

    /** {@link #analyze(String)} without the safety net, so that tests see any exception. */
    static ReadInfo analyzeUnchecked(String s) {
        if (s == null) {
            return NOT_SELECT;
        }
        int n = s.length();
        int leading = 0;
        int p = 0;
        while (true) { // as SqlLexer.skipLeading, counting the parentheses
            p = skipTrivia(s, p, n);
            if (p >= n) {
                return NOT_SELECT;
            }
            char c = s.charAt(p);
            if (c == '(') {
                leading++;
                p++;
            } else if (c == ';') {
                p++;
            } else if (c == '#') {
                p = skipLine(s, p, n);
            } else {
                break;
            }
        }
        int e = wordEnd(s, p, n);
        if (is(s, p, e, "with")) {
            if (SqlClassifier.classifyUnchecked(s).kind() != SqlKind.READ) {
                return DATA_MODIFYING_WITH;
            }
        } else if (!is(s, p, e, "select")) {
            return NOT_SELECT;
        }
        Scan mysql = new Scan(s, n, true);
        mysql.run(p, leading);
        if (s.indexOf('\\', p) < 0) {
            return mysql.result();
        }
        Scan standard = new Scan(s, n, false);
        standard.run(p, leading);
        if (mysql.unterminated != standard.unterminated) {
            return mysql.unterminated ? standard.result() : mysql.result();
        }
        ReadInfo a = mysql.result();
        ReadInfo b = standard.result();
        if (!a.routable() || a.equals(b)) {
            return a;
        }
        if (!b.routable()) {
            return b;
        }
        return new ReadInfo("ambiguous backslash", a.tables(), false, a.ordered() && b.ordered());
    }

    /** One reading of a text: the scanner's state. */
    private static final class Scan {

        private static final int MAX_LEVELS = 64;
        private static final int MAX_LOOKAHEAD_PARENS = 32;
        /** Tables and CTE names kept at most (lists searched linearly); beyond, the tables are unknown. */
        private static final int MAX_NAMES = 256;

        private static final int TOK_START = 0;
        private static final int TOK_WORD = 1;
        private static final int TOK_OPEN = 2;
        private static final int TOK_DOT = 3;
        private static final int TOK_OTHER = 4;

        private static final int PAREN_OTHER = 0;
        private static final int PAREN_SUBQUERY = 1;
        private static final int PAREN_DML = 2;
        private static final int PAREN_UNKNOWN = 3;

        /** Where the scan is in a WITH list, at the level whose {@link #withList} bit is set. */
        private static final int CTE_NAME = 0;
        private static final int CTE_AFTER_NAME = 1;
        private static final int CTE_BEFORE_BODY = 2;
        private static final int CTE_BODY_OPENING = 3;
        private static final int CTE_IN_BODY = 4;
        private static final int CTE_AFTER_BODY = 5;

        private final String s;
        private final int n;
        private final boolean backslash;
        private final int[] end = new int[1];

        private int level;
        private int leading;
        /** Per level (bit i for depth i): a statement or subquery, where FROM starts a table list. */
        private long tableCtx;
        /** Per level: in a FROM list, where a comma separates tables. */
        private long fromList;
        /** Per level: the parenthesis that opened it is a CTE body. */
        private long cteBody;
        /** Per level: between WITH and the main statement. */
        private long withList;
        private int cteState;
        private boolean expectTable;

        private int prev = TOK_START;
        private int prevWordStart = -1;
        private int prevWordEnd = -1;

        private List<String> tables;
        private List<String> cteNames;
        private boolean tablesKnown = true;
        private String reason;
        boolean unterminated;
        private boolean unbalanced;
        private boolean ordered;
        private int orderLevel;
        private int minSetOpLevel = Integer.MAX_VALUE;
        private int hashCheckedTo;

        Scan(String s, int n, boolean backslash) {
            this.s = s;
            this.n = n;
            this.backslash = backslash;
        }

        /** Scans the statement whose first word is at p, inside {@code leading} parentheses. */
        void run(int p, int leading) {
            this.leading = leading;
            this.level = leading;
            for (int i = 0; i <= leading && i < MAX_LEVELS; i++) {
                tableCtx |= 1L << i;
            }
            if (leading >= MAX_LEVELS) {
                tablesKnown = false;
            }
            while ((p = skipTrivia(s, p, n)) < n) {
                char c = s.charAt(p);
                if (expectTable) {
                    p = tableReference(p, c);
                    continue;
                }
                if (bit(withList, level)) {
                    int q = withList(p, c);
                    if (q >= 0) {
                        p = q;
                        continue;
                    }
                }
                if (isIdentStart(c)) {
                    int e = wordEnd(s, p, n);
                    if (e == p + 1 && (c | 0x20) == 'e' && e < n && s.charAt(e) == '\'') {
                        p = literalEnd(skipQuoted(s, e, n, '\'', true)); // E'...': backslash escapes in any dialect
                        other(TOK_OTHER);
                    } else {
                        p = word(p, e);
                    }
                    continue;
                }
                int next = p + 1;
                int token = TOK_OTHER;
                switch (c) {
                    case '\'':
                    case '"':
                        next = literalEnd(skipQuoted(s, p, n, c, backslash));
                        break;
                    case '`':
                        next = literalEnd(skipQuoted(s, p, n, '`', false));
                        break;
                    case '[':
                        next = skipBracketIdentifier(s, p, n);
                        break;
                    case '$':
                        next = skipDollarQuote(s, p, n);
                        break;
                    case '(':
                        open(parenKind(p));
                        token = TOK_OPEN;
                        break;
                    case ')':
                        close();
                        break;
                    case ',':
                        if (bit(fromList, level)) {
                            expectTable = true;
                        }
                        break;
                    case '.':
                        token = TOK_DOT;
                        break;
                    case '@':
                        sessionVariable(p);
                        break;
                    case '#':
                        hash(p);
                        break;
                    case ';':
                        statementEnd(p);
                        return;
                    default:
                        break;
                }
                other(token);
                p = next;
            }
        }

        ReadInfo result() {
            String r = reason;
            if (r == null && unterminated) {
                r = "unterminated literal";
            }
            if (r == null && (unbalanced || level != 0)) {
                r = "unbalanced parentheses";
            }
            boolean known = tablesKnown && !expectTable && !unterminated;
            return new ReadInfo(r, tables, known, ordered);
        }

        private int literalEnd(int next) {
            if (next < 0) {
                unterminated = true;
                return n;
            }
            return next;
        }

        private void other(int token) {
            prev = token;
            prevWordStart = -1;
        }

        private void notRoutable(String why) {
            if (reason == null) {
                reason = why;
            }
        }

        /** A word at [p, e) outside a table reference and a WITH list; returns where the scan goes on. */
        private int word(int p, int e) {
            int t = skipTrivia(s, e, n);
            char after = t < n ? s.charAt(t) : 0;
            if (after == '(') {
                function(p, e);
            } else if (after == '.' && startsWithIgnoreCase(p, e, "dbms_")) {
                notRoutable("calls " + s.substring(p, e).toLowerCase(Locale.ROOT)); // Oracle's dbms_lock.sleep(...)
            }
            if (prev != TOK_DOT) {
                keyword(p, e, t);
            }
            prev = TOK_WORD;
            prevWordStart = p;
            prevWordEnd = e;
            return e;
        }

        /** Acts on the keyword at [p, e), if it is one that matters; t is the next token's start. */
        private void keyword(int p, int e, int t) {
            if (bit(fromList, level) && isAny(s, p, e, FROM_LIST_ENDS)) {
                fromList &= ~(1L << level);
            }
            switch (s.charAt(p) | 0x20) {
                case 'f':
                    if (is(s, p, e, "from")) {
                        if (bit(tableCtx, level) && !prevIs("distinct")) { // not IS [NOT] DISTINCT FROM
                            expectTable = true;
                            fromList |= 1L << level;
                        }
                    } else if (is(s, p, e, "for")) {
                        lockingClause(t);
                    }
                    break;
                case 'j':
                    if (is(s, p, e, "join")) {
                        join();
                    }
                    break;
                case 'a':
                    if (is(s, p, e, "apply") && (prevIs("cross") || prevIs("outer"))) {
                        join();
                    }
                    break;
                case 's':
                    if (is(s, p, e, "straight_join")) {
                        join();
                    } else if (is(s, p, e, "sql_calc_found_rows")) {
                        notRoutable("SQL_CALC_FOUND_ROWS");
                    }
                    break;
                case 'o':
                    if (is(s, p, e, "order") && is(s, t, wordEnd(s, t, n), "by") && level <= leading
                            && level <= minSetOpLevel) {
                        ordered = true;
                        orderLevel = level;
                    }
                    break;
                case 'i':
                    if (is(s, p, e, "into")) {
                        notRoutable("SELECT INTO");
                    } else if (is(s, p, e, "intersect")) {
                        setOperator();
                    }
                    break;
                case 'l':
                    if (is(s, p, e, "lock") && lockInShareMode(t)) {
                        notRoutable("LOCK IN SHARE MODE");
                    }
                    break;
                case 'u':
                case 'e':
                case 'm':
                    if (isAny(s, p, e, SET_OPERATORS)) {
                        setOperator();
                    }
                    break;
                case 'w':
                    if (is(s, p, e, "with") && (prev == TOK_START || prev == TOK_OPEN) && level < MAX_LEVELS) {
                        withList |= 1L << level;
                        cteState = CTE_NAME;
                    }
                    break;
                case 't':
                    if (is(s, p, e, "table") && (prev == TOK_OPEN || prevIs("union") || prevIs("intersect")
                            || prevIs("except") || prevIs("all") || prevIs("distinct"))) {
                        expectTable = true; // TABLE t, PostgreSQL's SELECT * FROM t
                    }
                    break;
                default:
                    break;
            }
            if (isAny(s, p, e, LOCK_HINTS)) {
                notRoutable("lock hint");
            }
        }

        private void join() {
            expectTable = true;
            if (bit(tableCtx, level)) {
                fromList |= 1L << level;
            }
        }

        private void setOperator() {
            if (ordered && level < orderLevel) {
                ordered = false; // the ORDER BY was in a parenthesised operand
            }
            minSetOpLevel = Math.min(minSetOpLevel, level);
        }

        /** FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE; t is the start of the word after FOR. */
        private void lockingClause(int t) {
            int e = wordEnd(s, t, n);
            if (is(s, t, e, "update")) {
                notRoutable("FOR UPDATE");
            } else if (is(s, t, e, "share")) {
                notRoutable("FOR SHARE");
            } else if (is(s, t, e, "no")) {
                t = skipTrivia(s, e, n);
                e = wordEnd(s, t, n);
                if (is(s, t, e, "key")) {
                    t = skipTrivia(s, e, n);
                    if (is(s, t, wordEnd(s, t, n), "update")) {
                        notRoutable("FOR NO KEY UPDATE");
                    }
                }
            } else if (is(s, t, e, "key")) {
                t = skipTrivia(s, e, n);
                if (is(s, t, wordEnd(s, t, n), "share")) {
                    notRoutable("FOR KEY SHARE");
                }
            }
        }

        /** Whether IN SHARE MODE starts at t (after LOCK). */
        private boolean lockInShareMode(int t) {
            int e = wordEnd(s, t, n);
            if (!is(s, t, e, "in")) {
                return false;
            }
            t = skipTrivia(s, e, n);
            e = wordEnd(s, t, n);
            if (!is(s, t, e, "share")) {
                return false;
            }
            t = skipTrivia(s, e, n);
            return is(s, t, wordEnd(s, t, n), "mode");
        }

        /** The word at [p, e) is called. */
        private void function(int p, int e) {
            if (isAny(s, p, e, SESSION_FUNCTIONS)) {
                notRoutable("calls " + s.substring(p, e).toLowerCase(Locale.ROOT));
                return;
            }
            for (String prefix : SESSION_FUNCTION_PREFIXES) {
                if (startsWithIgnoreCase(p, e, prefix)) {
                    notRoutable("calls " + s.substring(p, e).toLowerCase(Locale.ROOT));
                    return;
                }
            }
        }

        private boolean startsWithIgnoreCase(int p, int e, String prefix) {
            return e - p > prefix.length() && s.regionMatches(true, p, prefix, 0, prefix.length());
        }

        private boolean prevIs(String kw) {
            return prevWordStart >= 0 && is(s, prevWordStart, prevWordEnd, kw);
        }

        /**
         * The token at p where a table reference is expected (after FROM, JOIN, a FROM list's comma): a name, read
         * as a table unless a {@code (} follows (a table function); LATERAL or ONLY before it; or a parenthesis, a
         * derived table or a parenthesised join. Returns where the scan goes on.
         */
        private int tableReference(int p, char c) {
            expectTable = false;
            if (c == '(') {
                int kind = parenKind(p);
                open(kind);
                if (kind == PAREN_OTHER && level < MAX_LEVELS) {
                    tableCtx |= 1L << level; // (a JOIN b ON ...)
                    fromList |= 1L << level;
                    expectTable = true;
                }
                other(TOK_OPEN);
                return p + 1;
            }
            if (c == '{') { // JDBC's {oj t1 LEFT OUTER JOIN t2 ON ...}
                int t = skipTrivia(s, p + 1, n);
                int e = wordEnd(s, t, n);
                expectTable = true;
                other(TOK_OTHER);
                return is(s, t, e, "oj") ? e : p + 1;
            }
            if (isIdentStart(c)) {
                int e = wordEnd(s, p, n);
                if (is(s, p, e, "lateral") || is(s, p, e, "only")) {
                    expectTable = true;
                    other(TOK_WORD);
                    return e;
                }
                if (is(s, p, e, "rows")) {
                    int t = skipTrivia(s, e, n);
                    int f = wordEnd(s, t, n);
                    if (is(s, t, f, "from")) {
                        other(TOK_WORD);
                        return f; // PostgreSQL's ROWS FROM (f(...), g(...)): functions
                    }
                }
            }
            if (isIdentStart(c) || c == '"' || c == '`' || c == '[' || c == '#') {
                String name = TableNameReader.read(s, p, n, end);
                if (name != null) {
                    int q = end[0];
                    int t = skipTrivia(s, q, n);
                    if (t < n && s.charAt(t) == '(') {
                        int w = q;
                        while (w > p && isIdentPart(s.charAt(w - 1))) {
                            w--;
                        }
                        function(w, q);
                    } else {
                        addTable(name);
                    }
                    other(TOK_WORD);
                    return q;
                }
            }
            tablesKnown = false; // a parameter, a literal, garbage: scanned as usual
            return p;
        }

        private void addTable(String name) {
            if (name.equalsIgnoreCase("dual")) {
                return;
            }
            if (cteNames != null) {
                for (String cte : cteNames) {
                    if (cte.equalsIgnoreCase(name)) {
                        return;
                    }
                }
            }
            if (tables == null) {
                tables = new ArrayList<>(4);
            }
            if (!tables.contains(name)) {
                if (tables.size() < MAX_NAMES) {
                    tables.add(name);
                } else {
                    tablesKnown = false;
                }
            }
        }

        /**
         * The token at p in a WITH list ({@code name [(cols)] AS [[NOT] MATERIALIZED] (body) [, ...]}). Returns where
         * the scan goes on, or -1 when the token is to be scanned as usual.
         */
        private int withList(int p, char c) {
            int e = isIdentStart(c) ? wordEnd(s, p, n) : p;
            switch (cteState) {
                case CTE_NAME:
                    if (is(s, p, e, "recursive")) {
                        int t = skipTrivia(s, e, n);
                        if (!is(s, t, wordEnd(s, t, n), "as") && (t >= n || s.charAt(t) != '(')) {
                            other(TOK_WORD);
                            return e;
                        }
                    }
                    String name = e > p || c == '"' || c == '`' || c == '[' ? TableNameReader.read(s, p, n, end) : null;
                    if (name == null) {
                        abandonWithList();
                        return -1;
                    }
                    if (cteNames == null) {
                        cteNames = new ArrayList<>(4);
                    }
                    if (cteNames.size() < MAX_NAMES) {
                        cteNames.add(name);
                    } else {
                        tablesKnown = false; // a reference to a CTE not kept would count as a table
                    }
                    cteState = CTE_AFTER_NAME;
                    other(TOK_WORD);
                    return end[0];
                case CTE_AFTER_NAME:
                    if (c == '(') {
                        return -1; // the column list
                    }
                    if (is(s, p, e, "as")) {
                        cteState = CTE_BEFORE_BODY;
                        other(TOK_WORD);
                        return e;
                    }
                    abandonWithList();
                    return -1;
                case CTE_BEFORE_BODY:
                    if (is(s, p, e, "materialized") || is(s, p, e, "not")) {
                        other(TOK_WORD);
                        return e;
                    }
                    if (c == '(') {
                        cteState = CTE_BODY_OPENING;
                        return -1;
                    }
                    abandonWithList();
                    return -1;
                case CTE_AFTER_BODY:
                    if (c == ',') {
                        cteState = CTE_NAME;
                        other(TOK_OTHER);
                        return p + 1;
                    }
                    if (c == '(' || is(s, p, e, "select")) {
                        withList &= ~(1L << level); // the main statement
                        return -1;
                    }
                    if (e > p && (is(s, p, e, "values") || is(s, p, e, "table") || is(s, p, e, "insert")
                            || is(s, p, e, "update") || is(s, p, e, "delete") || is(s, p, e, "merge"))) {
                        withList &= ~(1L << level);
                        if (level == leading) {
                            notRoutable(is(s, p, e, "values") || is(s, p, e, "table")
                                    ? ReadInfo.NOT_A_SELECT : ReadInfo.DATA_MODIFYING_WITH);
                        } else {
                            tablesKnown = false;
                        }
                        return -1;
                    }
                    if (e > p) {
                        other(TOK_WORD); // SEARCH ... SET ..., CYCLE ... SET ... USING ...
                        return e;
                    }
                    return -1;
                default:
                    return -1;
            }
        }

        private void abandonWithList() {
            tablesKnown = false;
            withList &= ~(1L << level);
        }

        /** What the parenthesis at p opens, by the first word inside it (after any further parentheses). */
        private int parenKind(int p) {
            int q = p + 1;
            int parens = 0;
            while (true) {
                q = skipTrivia(s, q, n);
                if (q >= n) {
                    return PAREN_OTHER;
                }
                char c = s.charAt(q);
                if (c == '(') {
                    if (++parens > MAX_LOOKAHEAD_PARENS) {
                        return PAREN_UNKNOWN;
                    }
                    q++;
                    continue;
                }
                if (!isIdentStart(c)) {
                    return PAREN_OTHER;
                }
                int e = wordEnd(s, q, n);
                if (is(s, q, e, "select") || is(s, q, e, "with") || is(s, q, e, "values") || is(s, q, e, "table")) {
                    return PAREN_SUBQUERY;
                }
                if (is(s, q, e, "update") || is(s, q, e, "delete") || is(s, q, e, "merge")) {
                    return PAREN_DML;
                }
                if (is(s, q, e, "insert")) {
                    int t = skipTrivia(s, e, n);
                    return t < n && s.charAt(t) == '(' ? PAREN_OTHER : PAREN_DML; // MySQL's INSERT(str, ...)
                }
                return PAREN_OTHER;
            }
        }

        private void open(int kind) {
            boolean body = bit(withList, level) && cteState == CTE_BODY_OPENING;
            level++;
            if (kind == PAREN_DML) {
                notRoutable(ReadInfo.DATA_MODIFYING_WITH);
            }
            if (level >= MAX_LEVELS) {
                tablesKnown = false;
                return;
            }
            long b = 1L << level;
            tableCtx &= ~b;
            fromList &= ~b;
            cteBody &= ~b;
            withList &= ~b;
            if (kind == PAREN_SUBQUERY) {
                tableCtx |= b;
            } else if (kind == PAREN_UNKNOWN) {
                tableCtx |= b;
                tablesKnown = false;
            }
            if (body) {
                cteBody |= b;
                cteState = CTE_IN_BODY;
            }
        }

        private void close() {
            expectTable = false;
            if (level == 0) {
                unbalanced = true;
                return;
            }
            boolean body = bit(cteBody, level);
            level--;
            if (bit(withList, level)) {
                cteState = body ? CTE_AFTER_BODY : CTE_AFTER_NAME;
            }
        }

        /** {@code @name}, {@code @@name}, {@code @'name'}: a MySQL user or system variable, or a T-SQL one. */
        private void sessionVariable(int p) {
            int q = p + 1;
            if (q < n && s.charAt(q) == '@') {
                q++;
            }
            if (q < n) {
                char c = s.charAt(q);
                if (isIdentStart(c) || c == '\'' || c == '"' || c == '`') {
                    notRoutable("session variable");
                }
            }
        }

        /**
         * A {@code #} inside the statement: PostgreSQL's XOR (and {@code #>}, {@code #>>}, {@code #-}) but MySQL's
         * comment. Read as code; but a quote in the rest of the line could, read as code, hide what follows.
         */
        private void hash(int p) {
            if (p < hashCheckedTo || (p + 1 < n && (s.charAt(p + 1) == '>' || s.charAt(p + 1) == '-'))) {
                return; // the rest of the line was checked for an earlier # on it
            }
            int lineEnd = skipLine(s, p, n);
            hashCheckedTo = lineEnd;
            for (int i = p + 1; i < lineEnd; i++) {
                char c = s.charAt(i);
                if (c == '\'' || c == '"' || c == '`'
                        || (c == '$' && (i + 1 >= lineEnd || !isDigit(s.charAt(i + 1))))) {
                    notRoutable("ambiguous # comment");
                    return;
                }
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** A {@code ;} at p: only trivia and further semicolons may follow. */
        private void statementEnd(int p) {
            int q = p + 1;
            while ((q = skipTrivia(s, q, n)) < n && s.charAt(q) == ';') {
                q++;
            }
            if (q < n) {
                notRoutable("several statements");
            }
        }

        private static boolean bit(long mask, int level) {
            return level < MAX_LEVELS && (mask & (1L << level)) != 0;
        }
    }
}
