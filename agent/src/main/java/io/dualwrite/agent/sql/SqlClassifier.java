package io.dualwrite.agent.sql;

import java.util.Locale;

/**
 * Classifies a SQL text as a write, DDL, procedure call, read or other statement, and finds the target table of
 * writes and of the common DDL forms.
 *
 * <p>This is a lexical classifier, deliberately not a parser: it skips leading whitespace, comments ({@code --},
 * {@code #} where a statement may start, and block comments, nested as PostgreSQL allows), leading {@code (} and
 * {@code ;}, decides on the first keyword and reads only the few tokens after it that name the table. Only a
 * {@code WITH} statement is scanned as a whole (skipping string literals, dollar quotes, quoted identifiers and
 * comments) to find a data-modifying INSERT, UPDATE, DELETE or MERGE. It runs on the application's thread,
 * allocates little (the result and the table name) and never throws.
 *
 * <p>Known limits: only the first statement of a multi-statement text decides (except after WITH);
 * {@code SELECT ... INTO}, {@code EXPLAIN ANALYZE <write>}, functions with side effects, {@code COPY} and
 * {@code DO} blocks are not seen as writes, and {@code EXECUTE} of a PostgreSQL prepared statement is a PROCEDURE;
 * MySQL's executable comments ({@code /*!...}) are comments. In a WITH text, quotes are first read with MySQL's
 * backslash escapes; if that leaves a literal unterminated and the text has a backslash, it is read again the
 * standard SQL way (a backslash is an ordinary character), so that a PostgreSQL literal ending in a backslash cannot
 * hide a write.
 */
public final class SqlClassifier {

    private static final SqlInfo OTHER_NONE = new SqlInfo(SqlKind.OTHER, "", null);
    private static final SqlInfo PROCEDURE_CALL = new SqlInfo(SqlKind.PROCEDURE, "CALL", null);
    private static final SqlInfo PROCEDURE_EXEC = new SqlInfo(SqlKind.PROCEDURE, "EXEC", null);
    private static final SqlInfo PROCEDURE_EXECUTE = new SqlInfo(SqlKind.PROCEDURE, "EXECUTE", null);
    private static final SqlInfo READ_SELECT = new SqlInfo(SqlKind.READ, "SELECT", null);
    private static final SqlInfo READ_VALUES = new SqlInfo(SqlKind.READ, "VALUES", null);
    private static final SqlInfo READ_TABLE = new SqlInfo(SqlKind.READ, "TABLE", null);
    private static final SqlInfo READ_SHOW = new SqlInfo(SqlKind.READ, "SHOW", null);
    private static final SqlInfo READ_DESCRIBE = new SqlInfo(SqlKind.READ, "DESCRIBE", null);
    private static final SqlInfo READ_DESC = new SqlInfo(SqlKind.READ, "DESC", null);
    private static final SqlInfo READ_EXPLAIN = new SqlInfo(SqlKind.READ, "EXPLAIN", null);
    private static final SqlInfo DDL_CREATE = new SqlInfo(SqlKind.DDL, "CREATE", null);
    private static final SqlInfo DDL_ALTER = new SqlInfo(SqlKind.DDL, "ALTER", null);
    private static final SqlInfo DDL_DROP = new SqlInfo(SqlKind.DDL, "DROP", null);
    private static final SqlInfo DDL_TRUNCATE = new SqlInfo(SqlKind.DDL, "TRUNCATE", null);
    private static final SqlInfo DDL_RENAME = new SqlInfo(SqlKind.DDL, "RENAME", null);
    private static final SqlInfo DDL_COMMENT = new SqlInfo(SqlKind.DDL, "COMMENT", null);

    /** Session, transaction and admin keywords answered without allocating (any other word is OTHER too). */
    private static final String[] OTHER_KEYWORDS = {
        "set", "begin", "start", "commit", "rollback", "savepoint", "release", "lock", "unlock", "use", "grant",
        "revoke", "analyze", "analyse", "vacuum", "copy", "do", "prepare", "deallocate", "end", "abort", "reset",
        "discard", "declare", "fetch", "close", "move", "listen", "notify", "unlisten", "checkpoint", "cluster",
        "reindex", "refresh", "load", "flush", "kill", "optimize", "check", "security", "import", "xa"
    };
    private static final SqlInfo[] OTHER_INFOS = new SqlInfo[OTHER_KEYWORDS.length];

    static {
        for (int i = 0; i < OTHER_KEYWORDS.length; i++) {
            OTHER_INFOS[i] = new SqlInfo(SqlKind.OTHER, OTHER_KEYWORDS[i].toUpperCase(Locale.ROOT), null);
        }
    }

    private static final String[] INSERT_MODIFIERS = {"low_priority", "delayed", "high_priority", "ignore"};
    private static final String[] REPLACE_MODIFIERS = {"low_priority", "delayed"};
    private static final String[] UPDATE_MODIFIERS = {"low_priority", "ignore", "only"};
    private static final String[] DELETE_MODIFIERS = {"low_priority", "quick", "ignore"};
    private static final String[] CREATE_TABLE_MODIFIERS = {"global", "local", "temporary", "temp", "unlogged"};
    private static final String[] CREATE_INDEX_MODIFIERS = {
        "unique", "clustered", "nonclustered", "fulltext", "spatial"
    };

    private static final int DML_NONE = 0;
    private static final int DML_INSERT = 1;
    private static final int DML_UPDATE = 2;
    private static final int DML_DELETE = 3;
    private static final int DML_MERGE = 4;

    /** {@link #scanWith} found no write but ended inside an unterminated literal. */
    private static final int UNTERMINATED = -2;

    /** Longest [bracketed] identifier accepted in a WITH scan (SQL Server's sysname is 128). */
    private static final int MAX_BRACKET_IDENTIFIER = 128;

    private static final int MAX_UNKNOWN_VERB = 32;
    private static final int MAX_INDEX_TOKENS = 16;

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

    private SqlClassifier() {
    }

    /** Classifies {@code sql}; null, empty and comment-only texts are OTHER. Never throws. */
    public static SqlInfo classify(String sql) {
        try {
            return classifyUnchecked(sql);
        } catch (RuntimeException e) {
            // Not expected (the scanner checks every bound); an agent must never break the application's call.
            return OTHER_NONE;
        }
    }

    /** {@link #classify(String)} without the safety net, so that tests see any exception. */
    static SqlInfo classifyUnchecked(String s) {
        if (s == null) {
            return OTHER_NONE;
        }
        int n = s.length();
        int p = skipLeading(s, 0, n);
        if (p >= n) {
            return OTHER_NONE;
        }
        char c = s.charAt(p);
        if (c == '{') {
            return jdbcEscape(s, p + 1, n);
        }
        if (!isIdentStart(c)) {
            return OTHER_NONE;
        }
        int e = wordEnd(s, p, n);
        switch (c | 0x20) {
            case 'i':
                if (is(s, p, e, "insert")) {
                    return insert(s, e, n);
                }
                break;
            case 'u':
                if (is(s, p, e, "update")) {
                    return update(s, e, n);
                }
                if (is(s, p, e, "upsert")) {
                    return intoTable(s, e, n, "UPSERT");
                }
                break;
            case 'd':
                if (is(s, p, e, "delete")) {
                    return delete(s, e, n);
                }
                if (is(s, p, e, "drop")) {
                    return drop(s, e, n);
                }
                if (is(s, p, e, "describe")) {
                    return READ_DESCRIBE;
                }
                if (is(s, p, e, "desc")) {
                    return READ_DESC;
                }
                break;
            case 'm':
                if (is(s, p, e, "merge")) {
                    return intoTable(s, e, n, "MERGE");
                }
                break;
            case 'r':
                if (is(s, p, e, "replace")) {
                    return replace(s, e, n);
                }
                if (is(s, p, e, "rename")) {
                    return rename(s, e, n);
                }
                break;
            case 'c':
                if (is(s, p, e, "create")) {
                    return create(s, e, n);
                }
                if (is(s, p, e, "call")) {
                    return PROCEDURE_CALL;
                }
                if (is(s, p, e, "comment")) {
                    return DDL_COMMENT;
                }
                break;
            case 'a':
                if (is(s, p, e, "alter")) {
                    return alter(s, e, n);
                }
                break;
            case 't':
                if (is(s, p, e, "truncate")) {
                    return truncate(s, e, n);
                }
                if (is(s, p, e, "table")) {
                    return READ_TABLE;
                }
                break;
            case 'e':
                if (is(s, p, e, "exec")) {
                    return PROCEDURE_EXEC;
                }
                if (is(s, p, e, "execute")) {
                    return PROCEDURE_EXECUTE;
                }
                if (is(s, p, e, "explain")) {
                    return READ_EXPLAIN;
                }
                break;
            case 's':
                if (is(s, p, e, "select")) {
                    return READ_SELECT;
                }
                if (is(s, p, e, "show")) {
                    return READ_SHOW;
                }
                break;
            case 'v':
                if (is(s, p, e, "values")) {
                    return READ_VALUES;
                }
                break;
            case 'w':
                if (is(s, p, e, "with")) {
                    return with(s, e, n);
                }
                break;
            default:
                break;
        }
        return other(s, p, e);
    }

    // ---------------------------------------------------------------------------------------------- statements

    private static SqlInfo jdbcEscape(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        if (p < n && s.charAt(p) == '?') {
            p = skipTrivia(s, p + 1, n);
            if (p >= n || s.charAt(p) != '=') {
                return OTHER_NONE;
            }
            p = skipTrivia(s, p + 1, n);
        }
        return is(s, p, wordEnd(s, p, n), "call") ? PROCEDURE_CALL : OTHER_NONE;
    }

    /** {@code INSERT [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] t}; p is after INSERT. */
    private static SqlInfo insert(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        while (isAny(s, p, e, INSERT_MODIFIERS)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        String table;
        if (is(s, p, e, "into")) {
            table = tableName(s, skipTrivia(s, e, n), n);
        } else if (is(s, p, e, "all") || is(s, p, e, "first")) {
            table = null; // Oracle's multi-table INSERT ALL / INSERT FIRST: no single target
        } else {
            table = tableName(s, p, n);
        }
        return new SqlInfo(SqlKind.WRITE, "INSERT", table);
    }

    /** {@code REPLACE [LOW_PRIORITY|DELAYED] [INTO] t}. */
    private static SqlInfo replace(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        while (isAny(s, p, e, REPLACE_MODIFIERS)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        if (is(s, p, e, "into")) {
            p = skipTrivia(s, e, n);
        }
        return new SqlInfo(SqlKind.WRITE, "REPLACE", tableName(s, p, n));
    }

    /** {@code MERGE [INTO] t} and {@code UPSERT [INTO] t}. */
    private static SqlInfo intoTable(String s, int p, int n, String verb) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (is(s, p, e, "into")) {
            p = skipTrivia(s, e, n);
        }
        return new SqlInfo(SqlKind.WRITE, verb, tableName(s, p, n));
    }

    /** {@code UPDATE [LOW_PRIORITY] [IGNORE] [ONLY] t}. */
    private static SqlInfo update(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        while (isAny(s, p, e, UPDATE_MODIFIERS)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        return new SqlInfo(SqlKind.WRITE, "UPDATE", tableName(s, p, n));
    }

    /** {@code DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM [ONLY] t}, or MySQL's {@code DELETE t1 FROM t1 ...}. */
    private static SqlInfo delete(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        while (isAny(s, p, e, DELETE_MODIFIERS)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        if (is(s, p, e, "from")) {
            p = skipTrivia(s, e, n);
            p = skipOptional(s, p, n, "only");
        }
        return new SqlInfo(SqlKind.WRITE, "DELETE", tableName(s, p, n));
    }

    /**
     * {@code CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMPORARY|TEMP|UNLOGGED] TABLE [IF NOT EXISTS] t} and
     * {@code CREATE [UNIQUE] INDEX ... ON [ONLY] t}; any other CREATE has no table.
     */
    private static SqlInfo create(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (is(s, p, e, "or")) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
            if (is(s, p, e, "replace")) {
                p = skipTrivia(s, e, n);
                e = wordEnd(s, p, n);
            }
        }
        while (isAny(s, p, e, CREATE_TABLE_MODIFIERS)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        if (is(s, p, e, "table")) {
            p = skipIfExists(s, skipTrivia(s, e, n), n);
            return new SqlInfo(SqlKind.DDL, "CREATE", tableName(s, p, n));
        }
        while (isAny(s, p, e, CREATE_INDEX_MODIFIERS)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        if (is(s, p, e, "index")) {
            String table = indexTable(s, e, n);
            return table == null ? DDL_CREATE : new SqlInfo(SqlKind.DDL, "CREATE", table);
        }
        return DDL_CREATE;
    }

    /** The table of {@code CREATE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] [USING m] ON [ONLY] t}. */
    private static String indexTable(String s, int p, int n) {
        for (int tokens = 0; tokens < MAX_INDEX_TOKENS; tokens++) {
            p = skipTrivia(s, p, n);
            if (p >= n) {
                return null;
            }
            char c = s.charAt(p);
            if (isIdentPart(c)) {
                int e = wordEnd(s, p, n);
                if (is(s, p, e, "on")) {
                    return tableName(s, skipOptional(s, skipTrivia(s, e, n), n, "only"), n);
                }
                p = e;
            } else if (c == '"' || c == '`' || c == '[') {
                p = skipQuoted(s, p, n, c == '[' ? ']' : c, false);
                if (p < 0) {
                    return null;
                }
            } else if (c == '.') {
                p++;
            } else {
                return null;
            }
        }
        return null;
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] t}. */
    private static SqlInfo alter(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "table")) {
            return DDL_ALTER;
        }
        p = skipIfExists(s, skipTrivia(s, e, n), n);
        p = skipOptional(s, p, n, "only");
        return new SqlInfo(SqlKind.DDL, "ALTER", tableName(s, p, n));
    }

    /** {@code DROP [TEMPORARY] TABLE [IF EXISTS] t}. */
    private static SqlInfo drop(String s, int p, int n) {
        p = skipOptional(s, skipTrivia(s, p, n), n, "temporary");
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "table")) {
            return DDL_DROP;
        }
        p = skipIfExists(s, skipTrivia(s, e, n), n);
        return new SqlInfo(SqlKind.DDL, "DROP", tableName(s, p, n));
    }

    /** {@code TRUNCATE [TABLE] [ONLY] t}. */
    private static SqlInfo truncate(String s, int p, int n) {
        p = skipOptional(s, skipTrivia(s, p, n), n, "table");
        p = skipOptional(s, p, n, "only");
        String table = tableName(s, p, n);
        return table == null ? DDL_TRUNCATE : new SqlInfo(SqlKind.DDL, "TRUNCATE", table);
    }

    /** {@code RENAME TABLE t TO ...}. */
    private static SqlInfo rename(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "table")) {
            return DDL_RENAME;
        }
        return new SqlInfo(SqlKind.DDL, "RENAME", tableName(s, skipTrivia(s, e, n), n));
    }

    private static SqlInfo other(String s, int p, int e) {
        for (int i = 0; i < OTHER_KEYWORDS.length; i++) {
            if (is(s, p, e, OTHER_KEYWORDS[i])) {
                return OTHER_INFOS[i];
            }
        }
        if (e - p > MAX_UNKNOWN_VERB) {
            return OTHER_NONE;
        }
        for (int i = p; i < e; i++) {
            char c = s.charAt(i);
            if (c >= 128 || c == '$') {
                return OTHER_NONE; // not a keyword: no verb
            }
        }
        return new SqlInfo(SqlKind.OTHER, s.substring(p, e).toUpperCase(Locale.ROOT), null);
    }

    // ---------------------------------------------------------------------------------------------------- WITH

    /**
     * A WITH statement: a WRITE if a data-modifying keyword occurs anywhere as a token, with the verb and table of
     * the main (parenthesis depth 0) statement if it modifies data, else of the first data-modifying CTE.
     */
    private static SqlInfo with(String s, int p, int n) {
        int k = scanWith(s, p, n, true);
        if (k == UNTERMINATED && s.indexOf('\\', p) >= 0) {
            // Read with backslash escapes, a literal ran to the end: it may be standard SQL, where 'C:\' is whole.
            k = scanWith(s, p, n, false);
        }
        if (k < 0) {
            return READ_SELECT;
        }
        int e = wordEnd(s, k, n);
        switch (dmlKeyword(s, k, e)) {
            case DML_INSERT:
                return insert(s, e, n);
            case DML_UPDATE:
                return update(s, e, n);
            case DML_DELETE:
                return delete(s, e, n);
            default:
                return intoTable(s, e, n, "MERGE");
        }
    }

    /**
     * Scans from p to the end for a data-modifying keyword token. Returns the position of the first one at
     * parenthesis depth 0 (at once), else of the first one found deeper, else {@link #UNTERMINATED} if a '...' or
     * "..." literal ran to the end of the text, else -1.
     *
     * @param backslash whether backslash escapes a quote in '...' and "..." (MySQL) or not (standard SQL)
     */
    private static int scanWith(String s, int p, int n, boolean backslash) {
        int depth = 0;
        int nested = -1;
        int prevWordStart = -1; // the previous significant token when it was a word, else -1
        int prevWordEnd = -1;
        boolean afterDot = false;
        boolean statementStart = false;
        boolean unterminated = false;
        while (p < n) {
            char c = s.charAt(p);
            if (isSpace(c)) {
                p++;
                continue;
            }
            if (isIdentStart(c)) {
                int e = wordEnd(s, p, n);
                if (e == p + 1 && (c == 'e' || c == 'E') && e < n && s.charAt(e) == '\'') {
                    p = skipQuoted(s, e, n, '\'', true); // E'...': backslash escapes in any dialect
                    if (p < 0) {
                        unterminated = true;
                        p = n;
                    }
                    prevWordStart = -1;
                    afterDot = false;
                    statementStart = false;
                    continue;
                }
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
            int next;
            switch (c) {
                case '\'':
                case '"':
                    next = skipQuoted(s, p, n, c, backslash);
                    if (next < 0) {
                        unterminated = true;
                        next = n;
                    }
                    break;
                case '`':
                    next = skipQuoted(s, p, n, '`', false);
                    if (next < 0) {
                        next = n;
                    }
                    break;
                case '[':
                    next = skipBracketIdentifier(s, p, n);
                    break;
                case '$':
                    next = skipDollarQuote(s, p, n);
                    break;
                case '-':
                    if (p + 1 < n && s.charAt(p + 1) == '-') {
                        p = skipLine(s, p, n);
                        continue; // comments leave the previous token as it was
                    }
                    next = p + 1;
                    break;
                case '/':
                    if (p + 1 < n && s.charAt(p + 1) == '*') {
                        p = skipBlockComment(s, p, n);
                        continue;
                    }
                    next = p + 1;
                    break;
                case '#':
                    if (statementStart) {
                        p = skipLine(s, p, n);
                        continue;
                    }
                    next = p + 1;
                    break;
                case '(':
                    depth++;
                    next = p + 1;
                    break;
                case ')':
                    depth--;
                    next = p + 1;
                    break;
                case ';':
                    depth = 0;
                    next = p + 1;
                    break;
                default:
                    next = p + 1;
                    break;
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

    // ------------------------------------------------------------------------------------------------- lexing

    /** Skips whitespace, comments (including {@code #} ones), {@code (} and {@code ;} before a statement. */
    private static int skipLeading(String s, int p, int n) {
        while (p < n) {
            char c = s.charAt(p);
            if (isSpace(c) || c == '(' || c == ';') {
                p++;
            } else if (c == '#' || (c == '-' && p + 1 < n && s.charAt(p + 1) == '-')) {
                p = skipLine(s, p, n);
            } else if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
                p = skipBlockComment(s, p, n);
            } else {
                break;
            }
        }
        return p;
    }

    /** Skips whitespace, {@code --} and block comments inside a statement. */
    private static int skipTrivia(String s, int p, int n) {
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

    private static int skipLine(String s, int p, int n) {
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

    /**
     * Skips a literal or identifier opened at p, closed by {@code close} (doubled to escape it) and, when
     * {@code backslash}, with backslash escapes. Returns the position after it, or -1 when it is unterminated.
     */
    private static int skipQuoted(String s, int p, int n, char close, boolean backslash) {
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
    private static int skipBracketIdentifier(String s, int p, int n) {
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
    private static int skipDollarQuote(String s, int p, int n) {
        int q = p + 1;
        if (q < n && s.charAt(q) != '$') {
            char c = s.charAt(q);
            if (c >= 128 ? !Character.isLetter(c) : (ASCII[c] & IDENT_START) == 0) {
                return p + 1; // $1 parameter, or a stray $
            }
            while (q < n && ((c = s.charAt(q)) >= 128 ? Character.isLetter(c) : (ASCII[c] & IDENT_START) != 0
                    || (c >= '0' && c <= '9'))) {
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

    /**
     * Reads a table name at p: one or more {@code .}-separated parts, each unquoted or quoted with "...", `...`
     * or [...] (doubled closing quotes escape it). Returns it unquoted, as written, or null if there is none.
     */
    private static String tableName(String s, int p, int n) {
        int start = p;
        int end = p;
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
                int e = q;
                while (e < n && isIdentPart(s.charAt(e))) {
                    e++;
                }
                if (e == q) {
                    break;
                }
                q = e;
            }
            if (sb == null && (quoted || !contiguous)) {
                sb = new StringBuilder(32);
                sb.append(s, start, end);
            }
            for (int i = 0; sb != null && i < dots; i++) {
                sb.append('.');
            }
            if (quoted) {
                char close = c == '[' ? ']' : c;
                q = p + 1;
                while (true) {
                    if (q >= n) {
                        return null; // unterminated quoted identifier
                    }
                    char d = s.charAt(q);
                    if (d == close) {
                        if (q + 1 < n && s.charAt(q + 1) == close) {
                            sb.append(close);
                            q += 2;
                            continue;
                        }
                        q++;
                        break;
                    }
                    sb.append(d);
                    q++;
                }
            } else if (sb != null) {
                sb.append(s, p, q);
            }
            end = q;
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
        return sb != null ? sb.toString() : s.substring(start, end);
    }

    /** Skips {@code IF [NOT] EXISTS} at p (a token start), returning the next token start. */
    private static int skipIfExists(String s, int p, int n) {
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "if")) {
            return p;
        }
        p = skipTrivia(s, e, n);
        p = skipOptional(s, p, n, "not");
        return skipOptional(s, p, n, "exists");
    }

    /** Skips the keyword {@code kw} at p (a token start) if it is there, returning the next token start. */
    private static int skipOptional(String s, int p, int n, String kw) {
        int e = wordEnd(s, p, n);
        return is(s, p, e, kw) ? skipTrivia(s, e, n) : p;
    }

    /** The end of the word at p (p itself when there is none). */
    private static int wordEnd(String s, int p, int n) {
        while (p < n && isIdentPart(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Whether s[p, e) is {@code kw} (given in lower case: letters and '_'), ignoring ASCII case. */
    private static boolean is(String s, int p, int e, String kw) {
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

    private static boolean isAny(String s, int p, int e, String[] kws) {
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

    private static boolean isSpace(char c) {
        return c <= ' ' || (c >= 128 && (Character.isSpaceChar(c) || c == '\uFEFF'));
    }

    private static boolean isIdentStart(char c) {
        return c < 128 ? (ASCII[c] & IDENT_START) != 0 : Character.isLetter(c) || Character.isSurrogate(c);
    }

    private static boolean isIdentPart(char c) {
        return c < 128 ? (ASCII[c] & IDENT_PART) != 0 : Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }
}
