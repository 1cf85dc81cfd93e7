package io.dualwrite.agent.translate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement with JSqlParser, in bounded time: a text the parser would take longer on is refused, not
 * waited for. The parser runs on threads of its own (the only way it can be stopped), which are daemons and end
 * when idle; parsing happens once per distinct SQL text, since results are cached.
 */
final class SqlParsing {

    static final long TIMEOUT_MS = 2_000;
    static final int MAX_LENGTH = 64 * 1024;

    private static final ExecutorService PARSERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "dualwrite-sql-parser");
                thread.setDaemon(true);
                return thread;
            });

    private SqlParsing() {
    }

    static Statement parse(String sql, SqlDialect dialect) {
        if (sql.length() > MAX_LENGTH) {
            throw new CannotTranslate("the statement is longer than " + MAX_LENGTH + " characters, which the agent "
                    + "does not parse");
        }
        try {
            return CCJSqlParserUtil.parse(sql, PARSERS,
                    parser -> parser.withBackslashEscapeCharacter(dialect.backslashEscapes()).withTimeOut(TIMEOUT_MS));
        } catch (JSQLParserException e) {
            throw new CannotTranslate(reason(e));
        }
    }

    private static String reason(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return "the SQL parser did not finish within " + TIMEOUT_MS + " ms";
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return "the SQL parser could not read it (" + (newline < 0 ? message : message.substring(0, newline)).trim()
                + ")";
    }
}
