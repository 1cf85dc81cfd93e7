package io.dualwrite.agent.translate;

import net.sf.jsqlparser.statement.Statement;

/** Rewrites a parsed write from the primary's SQL dialect to the secondary's. */
final class DialectRewrite {

    private DialectRewrite() {
    }

    /**
     * Whether {@code sql} may read differently in dialect {@code to}: false only when it certainly reads the same,
     * so that most statements are never parsed.
     */
    static boolean mayDiffer(String sql, SqlDialect from, SqlDialect to) {
        return true;
    }

    /** Rewrites {@code statement} in place; throws {@link CannotTranslate} when {@code to} cannot express it. */
    static void apply(Statement statement, SqlDialect from, SqlDialect to) {
    }

    /** Text-level changes after printing, for what the parser's model does not hold. */
    static String afterPrinting(String sql, SqlDialect from, SqlDialect to) {
        return sql;
    }

    /** Text-level changes before parsing, for what the parser does not read. */
    static String beforeParsing(String sql, SqlDialect from, SqlDialect to) {
        return sql;
    }
}
