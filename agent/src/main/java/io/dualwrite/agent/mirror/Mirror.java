package io.dualwrite.agent.mirror;

import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.config.FailurePolicy;
import io.dualwrite.agent.config.SecondaryConfig;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.replay.DeadLetters;
import io.dualwrite.agent.replay.FailureKind;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.Watchdog;
import io.dualwrite.agent.write.WriteRuns;
import io.dualwrite.agent.write.WriteUnit;
import io.dualwrite.bootstrap.CallDepth;
import java.net.MalformedURLException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies writes that succeeded on the primary to the secondary, in the calling thread (sync mode): a single
 * write in auto-commit, a committed transaction's writes as one transaction. While the backlog is open the
 * writes join it instead, in order. A write the secondary fails to take is kept (journaled, or dead-lettered
 * when it would fail again), ignored or, when it cannot be kept, lost, as {@code writes.on-failure} says; each
 * outcome is counted once.
 *
 * <p>With {@code on-failure: fail} the caller gets, instead of null, the exception the application must see.
 */
public final class Mirror implements WriteSink, AutoCloseable {

    /** The SQL state of the agent's own exceptions: a general error, which no framework retries blindly. */
    static final String SQL_STATE = "HY000";
    private static final String BEHIND = "queued behind earlier journaled writes";

    private final SecondaryPool pool;
    private final Watchdog watchdog;
    private final SecondaryDriver driver;
    private final int timeoutSeconds;
    private final StatementTranslator translator;
    private volatile FailurePolicy policy;
    private final Keeper keeper;
    private final WriteStats stats;
    private final FailureLog failures;

    /**
     * @param backlog     null when the journal could not be opened: writes that fail are then lost
     * @param deadLetters where writes the secondary refuses for good go; null along with the backlog
     */
    public Mirror(SecondaryConfig config, StatementTranslator translator, FailurePolicy policy, Backlog backlog,
            DeadLetters deadLetters, WriteStats stats, FailureLog failures) throws MalformedURLException {
        this.translator = translator;
        this.driver = new SecondaryDriver(config.url(), config.driverJar());
        this.pool = new SecondaryPool(config, driver, config.poolSize());
        this.timeoutSeconds = Math.max(1, (config.statementTimeoutMs() + 999) / 1000);
        this.watchdog = new Watchdog(config.statementTimeoutMs());
        this.policy = policy;
        this.keeper = new Keeper(backlog, deadLetters, stats, failures);
        this.stats = stats;
        this.failures = failures;
    }

    /** Lets the secondary's driver be found where the application's drivers are. */
    public void rememberDriverLoader(ClassLoader loader) {
        driver.remember(loader);
    }

    /** A pool of {@code size} further connections to the same secondary, found with the same driver. */
    public SecondaryPool newPool(SecondaryConfig config, int size) {
        return new SecondaryPool(config, driver, size);
    }

    /** Changes {@code writes.on-failure} while the application runs; a transaction under way keeps its own. */
    public void onFailure(FailurePolicy newPolicy) {
        policy = newPolicy;
    }

    /** Whether a failure must reach the application. */
    public boolean strict() {
        return policy == FailurePolicy.FAIL;
    }

    /** A secondary transaction run alongside an application's transaction, for {@code on-failure: fail}. */
    public StrictTransaction strictTransaction() {
        return new StrictTransaction(this);
    }

    /**
     * Applies {@code writes} of {@code origin} (a connection and transaction, for the journal) in order; more
     * than one go into one transaction on the secondary. Returns null, or with {@code on-failure: fail} the
     * exception for the application when the writes did not reach the secondary.
     */
    @Override
    public SQLException apply(String origin, List<MirroredWrite> writes) {
        CallDepth.suppress();
        try {
            // checked first: the unit is built only when the backlog is open, not for every write
            Keeper.Queued queued = queuesBehindBacklog()
                    ? keeper.joinBacklog(List.of(new UnappliedWrites(origin, BEHIND, writes))) : Keeper.Queued.NO;
            if (queued != Keeper.Queued.NO) {
                return strict() ? failedAfterPrimary("the secondary is behind (earlier writes wait in the journal); "
                        + "the primary's write stands", queued == Keeper.Queued.KEPT ? "journaled for replay" : null,
                        null) : null;
            }
            try {
                applyOnPooledConnection(writes, false);
                stats.apply(writes.size());
                return null;
            } catch (WriteUnit.Failure failure) {
                return failed(origin, writes, failure);
            }
        } finally {
            CallDepth.unsuppress();
        }
    }

    /**
     * Applies units the async queue held, in order. While the backlog is open they join it in one append;
     * otherwise they go in one transaction, runs of auto-commit prepared writes of one SQL as one batch (see
     * {@link WriteRuns}). When that fails for a reason that may pass, they are journaled (as of unknown
     * outcome when the connection was lost as the transaction was committed); when the secondary refused
     * them, each unit is applied alone, so each gets its own fate.
     */
    void applyInOrder(List<QueuedWrites> units) {
        CallDepth.suppress();
        try {
            if (queuesBehindBacklog() && keeper.joinBacklog(unapplied(units, BEHIND, false)) != Keeper.Queued.NO) {
                return;
            }
            if (units.size() > 1) {
                List<List<MirroredWrite>> writes = new ArrayList<>(units.size());
                int count = 0;
                for (QueuedWrites unit : units) {
                    writes.add(unit.writes);
                    count += unit.writes.size();
                }
                try {
                    applyOnPooledConnection(WriteRuns.merge(writes), true);
                    stats.apply(count);
                    return;
                } catch (WriteUnit.Failure failure) {
                    if (FailureKind.of(failure.getCause()) == FailureKind.TRANSIENT) {
                        failedTogether(units, count, failure);
                        return;
                    }
                    // only applying them one by one tells which unit the secondary refuses
                }
            }
            for (QueuedWrites unit : units) {
                apply(unit.origin, unit.writes);
            }
        } finally {
            CallDepth.unsuppress();
        }
    }

    /**
     * Whether new writes join an open backlog rather than go to the secondary: not with {@code on-failure:
     * ignore}, which gives up order along with the writes the secondary refuses (say, switched to while the
     * journal holds writes from before).
     */
    private boolean queuesBehindBacklog() {
        return policy != FailurePolicy.IGNORE && keeper.backlogOpen();
    }

    /**
     * Units whose transaction failed for a reason that may pass (the secondary away, or the commit's fate
     * unknown): trying each again would wait for the secondary once per unit, so they share the fate of the
     * first, journaled in one append in order (replay tells what stood) or ignored.
     */
    private void failedTogether(List<QueuedWrites> units, int writes, WriteUnit.Failure failure) {
        if (policy == FailurePolicy.IGNORE) {
            for (QueuedWrites unit : units) {
                failed(unit.origin, unit.writes, failure);
            }
            return;
        }
        String reason = failure.write().describe() + ": " + FailureLog.reason(failure.getCause());
        keeper.journalFailed(unapplied(units, reason, failure.outcomeUnknown()), failure, writes);
    }

    /** Journals units that were not tried on the secondary, in order, opening the backlog. */
    void journal(List<QueuedWrites> units, String why) {
        keeper.journal(unapplied(units, why, false), null);
    }

    private static List<UnappliedWrites> unapplied(List<QueuedWrites> units, String why, boolean outcomeUnknown) {
        List<UnappliedWrites> unapplied = new ArrayList<>(units.size());
        for (QueuedWrites unit : units) {
            unapplied.add(new UnappliedWrites(unit.origin, why, unit.writes, outcomeUnknown));
        }
        return unapplied;
    }

    private SQLException failed(String origin, List<MirroredWrite> writes, WriteUnit.Failure failure) {
        FailurePolicy policy = this.policy;
        if (policy == FailurePolicy.IGNORE) {
            stats.ignore(writes.size());
            failures.record(failure.write(), writes.size(), failure.getCause(),
                    "ignored (writes.on-failure: ignore): the secondary misses it");
            return null;
        }
        String kept = keeper.keep(origin, writes, failure);
        return policy == FailurePolicy.FAIL ? failedAfterPrimary("the secondary failed to take " + failure.write().describe() + " ("
                + FailureLog.reason(failure.getCause()) + "); the primary's write stands", kept, failure.getCause())
                : null;
    }

    /** The exception for a mirror that failed after the primary's work became final. */
    static SQLException failedAfterPrimary(String what, String kept, Throwable cause) {
        return new SQLException("dualwrite: " + what + (kept != null ? " and the mirror was " + kept
                : " and the mirror could not be kept: the secondary misses it"), SQL_STATE, cause);
    }

    Keeper keeper() {
        return keeper;
    }

    /** How the primary's statements are written for the secondary. */
    public StatementTranslator translator() {
        return translator;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    WriteStats stats() {
        return stats;
    }

    SecondaryPool pool() {
        return pool;
    }

    private void applyOnPooledConnection(List<MirroredWrite> writes, boolean inTransaction) throws WriteUnit.Failure {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw new WriteUnit.Failure(writes.get(0), e, false, false);
        }
        boolean unusable = false;
        try {
            if (inTransaction) {
                WriteUnit.applyInTransaction(connection, writes, translator, timeoutSeconds, watchdog);
            } else {
                WriteUnit.apply(connection, writes, translator, timeoutSeconds, watchdog);
            }
        } catch (WriteUnit.Failure failure) {
            unusable = failure.connectionUnusable();
            throw failure;
        } finally {
            pool.release(connection, unusable);
        }
    }

    /** Aborts a connection to the secondary whose statement outlasts the statement timeout. */
    public Watchdog watchdog() {
        return watchdog;
    }

    /** Opens a connection of its own to the secondary, outside the pool, with the pool's timeouts. */
    public Connection openUnpooled() throws SQLException {
        return pool.open();
    }

    @Override
    public void close() {
        watchdog.close();
        pool.close();
    }
}
