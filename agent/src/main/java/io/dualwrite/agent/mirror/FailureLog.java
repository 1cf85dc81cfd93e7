package io.dualwrite.agent.mirror;

import io.dualwrite.agent.write.MirroredWrite;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs failed mirrors, with what became of them, at most once per interval, with the count of those left unlogged. A line names the
 * statement kind and table, the SQL state and the exception class, never values: drivers' messages about
 * constraints quote the offending values, so only the messages of connection failures are shown.
 */
public final class FailureLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public FailureLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** @param outcome what became of the write, e.g. {@code kept in the journal for replay} */
    void record(MirroredWrite write, int writes, Throwable cause, String outcome) {
        record("mirror to the secondary failed for " + write.describe()
                + (writes > 1 ? " in a transaction of " + writes + " writes" : ""), cause, outcome);
    }

    /** @param failure what failed, e.g. {@code a read routed to the secondary failed}; no values */
    public void record(String failure, Throwable cause, String outcome) {
        long now = System.nanoTime();
        long next = nextLogAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextLogAt.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long unlogged = suppressed.getAndSet(0);
        log.warn("{}: {}; {}{}", failure, reason(cause), outcome,
                unlogged > 0 ? " (" + unlogged + " more failures since the last report)" : "");
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "not tried";
        }
        if (cause instanceof SQLException) {
            SQLException sql = (SQLException) cause;
            String state = sql.getSQLState();
            String summary = cause.getClass().getSimpleName() + " SQLState " + state + " code " + sql.getErrorCode();
            // connection failures (08) and unsupported values (0A) say where and why, and carry no row values
            return state != null && (state.startsWith("08") || state.startsWith("0A")) ? summary + " (" + sql.getMessage() + ")" : summary;
        }
        return cause.getClass().getSimpleName();
    }
}
