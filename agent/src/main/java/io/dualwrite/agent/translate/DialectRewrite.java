package io.dualwrite.agent.translate;

import net.sf.jsqlparser.statement.Statement;

/**
 * Rewrites a write from the primary's SQL dialect to the secondary's, PostgreSQL and MariaDB/MySQL either way:
 * quoting and literals on the text ({@link LexicalTranslation}), the clauses and casts on the parsed statement
 * ({@link WriteTranslation}, {@link UpsertTranslation}, {@link CastTranslation}), and the one form the parser
 * cannot read on the text again ({@link DefaultValues}).
 */
final class DialectRewrite {

    private DialectRewrite() {
    }

    /**
     * Whether {@code sql} may read differently in dialect {@code to}: false only when it certainly reads the same,
     * so that most statements are never parsed.
     */
    static boolean mayDiffer(String sql, SqlDialect from, SqlDialect to) {
        return DialectScan.mayDiffer(sql, from);
    }

    /**
     * Rewrites {@code statement} in place; throws {@link CannotTranslate} when {@code to} cannot express it.
     * {@code keys} are the secondary's unique keys, which an upsert without a named key needs.
     */
    static void apply(Statement statement, SqlDialect from, SqlDialect to, UpsertTranslation.KeysOf keys) {
        WriteTranslation.apply(statement, from, to, keys);
        CastTranslation.apply(statement, to);
    }

    /** Text-level changes after printing, for what the parser's model does not hold. */
    static String afterPrinting(String sql, SqlDialect from, SqlDialect to) {
        return to == SqlDialect.MYSQL ? DefaultValues.toMysql(sql) : sql;
    }

    /** Only the quoting of names and literals, and comments, written in {@code to}'s way; nothing parsed. */
    static String quotingOnly(String sql, SqlDialect from, SqlDialect to) {
        return LexicalTranslation.translate(sql, from, to);
    }

    /**
     * Text-level changes before parsing, for what the parser does not read: the result is quoted in {@code to}'s
     * way, and is to be read with {@code to}'s quoting rules.
     */
    static String beforeParsing(String sql, SqlDialect from, SqlDialect to) {
        String quoted = LexicalTranslation.translate(sql, from, to);
        return from == SqlDialect.MYSQL ? DefaultValues.toPostgresql(quoted) : quoted;
    }
}
