package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.is;
import static io.dualwrite.agent.sql.SqlLexer.isIdentStart;
import static io.dualwrite.agent.sql.SqlLexer.skipLeading;
import static io.dualwrite.agent.sql.SqlLexer.skipTrivia;
import static io.dualwrite.agent.sql.SqlLexer.wordEnd;

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

    private static final int MAX_UNKNOWN_VERB = 32;

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
        return statement(s, p, wordEnd(s, p, n), n);
    }

    /**
     * The statement whose first keyword is s[p, e). A switch on the first letter with literal keywords rather than
     * a keyword table: this runs for every statement not in the cache, and a table measured up to twice as slow
     * for the common SELECT, SHOW and CALL.
     */
    private static SqlInfo statement(String s, int p, int e, int n) {
        switch (s.charAt(p) | 0x20) {
            case 'i':
                if (is(s, p, e, "insert")) {
                    return StatementRules.insert(s, e, n);
                }
                break;
            case 'u':
                if (is(s, p, e, "update")) {
                    return StatementRules.update(s, e, n);
                }
                if (is(s, p, e, "upsert")) {
                    return StatementRules.intoTable(s, e, n, "UPSERT");
                }
                break;
            case 'd':
                if (is(s, p, e, "delete")) {
                    return StatementRules.delete(s, e, n);
                }
                if (is(s, p, e, "drop")) {
                    return StatementRules.drop(s, e, n);
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
                    return StatementRules.intoTable(s, e, n, "MERGE");
                }
                break;
            case 'r':
                if (is(s, p, e, "replace")) {
                    return StatementRules.replace(s, e, n);
                }
                if (is(s, p, e, "rename")) {
                    return StatementRules.rename(s, e, n);
                }
                break;
            case 'c':
                if (is(s, p, e, "create")) {
                    return StatementRules.create(s, e, n);
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
                    return StatementRules.alter(s, e, n);
                }
                break;
            case 't':
                if (is(s, p, e, "truncate")) {
                    return StatementRules.truncate(s, e, n);
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

    /** {@code {call ...}} and {@code {? = call ...}}; p is after the brace. */
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

    /**
     * A WITH statement: a WRITE if a data-modifying keyword occurs anywhere as a token, with the verb and table of
     * the main (parenthesis depth 0) statement if it modifies data, else of the first data-modifying CTE.
     */
    private static SqlInfo with(String s, int p, int n) {
        int k = WithScanner.writeKeyword(s, p, n);
        // From k on, the statement reads as if it began the text: its verb's rule finds the table.
        return k < 0 ? READ_SELECT : statement(s, k, wordEnd(s, k, n), n);
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
}
