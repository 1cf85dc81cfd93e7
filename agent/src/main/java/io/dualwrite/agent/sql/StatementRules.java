package io.dualwrite.agent.sql;

import static io.dualwrite.agent.sql.SqlLexer.is;
import static io.dualwrite.agent.sql.SqlLexer.isAny;
import static io.dualwrite.agent.sql.SqlLexer.isIdentPart;
import static io.dualwrite.agent.sql.SqlLexer.skipOptional;
import static io.dualwrite.agent.sql.SqlLexer.skipTrivia;
import static io.dualwrite.agent.sql.SqlLexer.wordEnd;
import static io.dualwrite.agent.sql.SqlQuotes.skipQuoted;

/**
 * Where the target table stands in each write and in the common DDL forms: the keywords that may come between the
 * verb and the table. Each rule gets the position after its verb.
 */
final class StatementRules {

    private static final SqlInfo DDL_CREATE = new SqlInfo(SqlKind.DDL, "CREATE", null);
    private static final SqlInfo DDL_ALTER = new SqlInfo(SqlKind.DDL, "ALTER", null);
    private static final SqlInfo DDL_DROP = new SqlInfo(SqlKind.DDL, "DROP", null);
    private static final SqlInfo DDL_TRUNCATE = new SqlInfo(SqlKind.DDL, "TRUNCATE", null);
    private static final SqlInfo DDL_RENAME = new SqlInfo(SqlKind.DDL, "RENAME", null);

    private static final String[] INSERT_MODIFIERS = {"low_priority", "delayed", "high_priority", "ignore"};
    private static final String[] REPLACE_MODIFIERS = {"low_priority", "delayed"};
    private static final String[] UPDATE_MODIFIERS = {"low_priority", "ignore", "only"};
    private static final String[] DELETE_MODIFIERS = {"low_priority", "quick", "ignore"};
    private static final String[] CREATE_TABLE_MODIFIERS = {"global", "local", "temporary", "temp", "unlogged"};
    private static final String[] CREATE_INDEX_MODIFIERS = {
        "unique", "clustered", "nonclustered", "fulltext", "spatial"
    };

    private static final int MAX_INDEX_TOKENS = 16;

    private StatementRules() {
    }

    /** {@code INSERT [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] t}. */
    static SqlInfo insert(String s, int p, int n) {
        p = skipModifiers(s, p, n, INSERT_MODIFIERS);
        int e = wordEnd(s, p, n);
        String table;
        if (is(s, p, e, "into")) {
            table = TableNameReader.read(s, skipTrivia(s, e, n), n);
        } else if (is(s, p, e, "all") || is(s, p, e, "first")) {
            table = null; // Oracle's multi-table INSERT ALL / INSERT FIRST: no single target
        } else {
            table = TableNameReader.read(s, p, n);
        }
        return new SqlInfo(SqlKind.WRITE, "INSERT", table);
    }

    /** {@code REPLACE [LOW_PRIORITY|DELAYED] [INTO] t}. */
    static SqlInfo replace(String s, int p, int n) {
        return intoTable(s, skipModifiers(s, p, n, REPLACE_MODIFIERS), n, "REPLACE");
    }

    /** {@code MERGE [INTO] t} and {@code UPSERT [INTO] t}. */
    static SqlInfo intoTable(String s, int p, int n, String verb) {
        p = skipOptional(s, skipTrivia(s, p, n), n, "into");
        return new SqlInfo(SqlKind.WRITE, verb, TableNameReader.read(s, p, n));
    }

    /** {@code UPDATE [LOW_PRIORITY] [IGNORE] [ONLY] t}. */
    static SqlInfo update(String s, int p, int n) {
        p = skipModifiers(s, p, n, UPDATE_MODIFIERS);
        return new SqlInfo(SqlKind.WRITE, "UPDATE", TableNameReader.read(s, p, n));
    }

    /** {@code DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM [ONLY] t}, or MySQL's {@code DELETE t1 FROM t1 ...}. */
    static SqlInfo delete(String s, int p, int n) {
        p = skipModifiers(s, p, n, DELETE_MODIFIERS);
        int e = wordEnd(s, p, n);
        if (is(s, p, e, "from")) {
            p = skipOptional(s, skipTrivia(s, e, n), n, "only");
        }
        return new SqlInfo(SqlKind.WRITE, "DELETE", TableNameReader.read(s, p, n));
    }

    /**
     * {@code CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMPORARY|TEMP|UNLOGGED] TABLE [IF NOT EXISTS] t} and
     * {@code CREATE [UNIQUE] INDEX ... ON [ONLY] t}; any other CREATE has no table.
     */
    static SqlInfo create(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (is(s, p, e, "or")) {
            p = skipOptional(s, skipTrivia(s, e, n), n, "replace");
        }
        p = skipModifiers(s, p, n, CREATE_TABLE_MODIFIERS);
        e = wordEnd(s, p, n);
        if (is(s, p, e, "table")) {
            p = skipIfExists(s, skipTrivia(s, e, n), n);
            return ddl(DDL_CREATE, TableNameReader.read(s, p, n));
        }
        p = skipModifiers(s, p, n, CREATE_INDEX_MODIFIERS);
        e = wordEnd(s, p, n);
        return is(s, p, e, "index") ? ddl(DDL_CREATE, indexTable(s, e, n)) : DDL_CREATE;
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] t}. */
    static SqlInfo alter(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "table")) {
            return DDL_ALTER;
        }
        p = skipIfExists(s, skipTrivia(s, e, n), n);
        p = skipOptional(s, p, n, "only");
        return ddl(DDL_ALTER, TableNameReader.read(s, p, n));
    }

    /** {@code DROP [TEMPORARY] TABLE [IF EXISTS] t}. */
    static SqlInfo drop(String s, int p, int n) {
        p = skipOptional(s, skipTrivia(s, p, n), n, "temporary");
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "table")) {
            return DDL_DROP;
        }
        p = skipIfExists(s, skipTrivia(s, e, n), n);
        return ddl(DDL_DROP, TableNameReader.read(s, p, n));
    }

    /** {@code TRUNCATE [TABLE] [ONLY] t}. */
    static SqlInfo truncate(String s, int p, int n) {
        p = skipOptional(s, skipTrivia(s, p, n), n, "table");
        p = skipOptional(s, p, n, "only");
        return ddl(DDL_TRUNCATE, TableNameReader.read(s, p, n));
    }

    /** {@code RENAME TABLE t TO ...}. */
    static SqlInfo rename(String s, int p, int n) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        if (!is(s, p, e, "table")) {
            return DDL_RENAME;
        }
        return ddl(DDL_RENAME, TableNameReader.read(s, skipTrivia(s, e, n), n));
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
                    return TableNameReader.read(s, skipOptional(s, skipTrivia(s, e, n), n, "only"), n);
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

    /** The shared verb-only result when no table was read, so that only a found table allocates. */
    private static SqlInfo ddl(SqlInfo verbOnly, String table) {
        return table == null ? verbOnly : new SqlInfo(SqlKind.DDL, verbOnly.verb(), table);
    }

    /** Skips trivia and then any of {@code modifiers} at p, returning the next token start. */
    private static int skipModifiers(String s, int p, int n, String[] modifiers) {
        p = skipTrivia(s, p, n);
        int e = wordEnd(s, p, n);
        while (isAny(s, p, e, modifiers)) {
            p = skipTrivia(s, e, n);
            e = wordEnd(s, p, n);
        }
        return p;
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
}
