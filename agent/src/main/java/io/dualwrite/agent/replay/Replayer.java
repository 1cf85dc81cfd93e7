package io.dualwrite.agent.replay;

import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.Watchdog;
import io.dualwrite.agent.write.WriteRuns;
import io.dualwrite.agent.write.WriteUnit;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the journal's pending records to the secondary in their original order, each as the unit it was
 * (a transaction as one transaction), and moves the checkpoint past the records handled, so a second replay
 * applies nothing twice. A record that fails for a permanent reason goes to the dead letters and replay goes
 * on; asked to stop on errors, replay stops there instead and the record stays pending. A transient failure
 * always stops replay with the record still pending.
 *
 * <p>Consecutive records go to the secondary in groups, one transaction each, since a commit per record bounds
 * replay to the secondary's commit rate (see {@link GroupLimits}); in a group, consecutive auto-commit prepared
 * writes with the same SQL go as one batch. When the secondary refuses a group, it is rolled back and its
 * records are applied one by one, so that each meets its own fate as above; when the group fails for a reason
 * that may pass (the connection lost, a timeout, a deadlock), replay stops with its records pending, as it
 * would for one record.
 *
 * <p>A record whose outcome was unknown (the connection was lost while it was being committed, by the live
 * mirror or by an earlier group of this replayer) and whose first write now meets a duplicate key is taken as
 * already applied by that attempt, not dead-lettered.
 *
 * <p>The checkpoint moves at most every {@value #CHECKPOINT_INTERVAL_MILLIS} ms and when replay ends, since
 * each move is a durable file replacement (about 2,000 a second here): a crash of the replaying process can
 * apply the records of that last interval once more.
 */
public final class Replayer {

    static final long CHECKPOINT_INTERVAL_MILLIS = 100;

    /** Opens a connection to the secondary. */
    public interface Secondary {
        Connection open() throws SQLException;
    }

    /** Told after each record handled, for a progress display. */
    public interface Progress {
        void recordDone(long sequence);
    }

    private final Journal journal;
    private final Secondary secondary;
    private final DeadLetters deadLetters;
    private final int timeoutSeconds;
    private final GroupLimits limits;
    private final Watchdog watchdog;
    private final StatementTranslator translator;
    // records this replayer tried and lost the connection committing; kept across replays (the drainer's)
    private final Set<Long> outcomeUnknown = new HashSet<>();
    private volatile boolean stopRequested;

    public Replayer(Journal journal, Secondary secondary, DeadLetters deadLetters, int timeoutSeconds) {
        this(journal, secondary, deadLetters, timeoutSeconds, GroupLimits.DEFAULT);
    }

    public Replayer(Journal journal, Secondary secondary, DeadLetters deadLetters, int timeoutSeconds,
            GroupLimits limits) {
        this(journal, secondary, deadLetters, timeoutSeconds, limits, Watchdog.NONE, StatementTranslator.identity());
    }

    /**
     * @param watchdog aborts a connection whose statement outlasts the timeout: the agent's drainer must not
     *                 stay stuck sending to a frozen secondary while the application's writes wait for it
     */
    public Replayer(Journal journal, Secondary secondary, DeadLetters deadLetters, int timeoutSeconds,
            GroupLimits limits, Watchdog watchdog, StatementTranslator translator) {
        this.journal = journal;
        this.translator = translator;
        this.secondary = secondary;
        this.deadLetters = deadLetters;
        this.timeoutSeconds = timeoutSeconds;
        this.limits = limits;
        this.watchdog = watchdog;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public ReplayResult replay(boolean stopOnError, Progress progress) throws IOException {
        Run run = new Run(stopOnError, progress);
        try (RecordGroups pending = new RecordGroups(journal.pending(), limits)) {
            for (List<PendingRecord> group; run.stoppedBecause == null && !(group = pending.next()).isEmpty(); ) {
                if (stopRequested) {
                    run.stoppedBecause = "asked to stop before record " + group.get(0).sequence
                            + "; it and the records after it stay pending";
                    break;
                }
                run.apply(group);
            }
        } finally {
            run.finish();
        }
        return new ReplayResult(run.applied, run.appliedWrites, run.alreadyApplied, run.deadLettered,
                run.deadLetteredWrites, run.stoppedBecause);
    }

    /**
     * Asks this replayer to stop once the group of records it is applying is done, for good: from any thread,
     * such as a shutdown hook. The replay then ends as usual, checkpoint written.
     */
    public void stop() {
        stopRequested = true;
    }

    /** One replay: its counts, its connection and how far it may move the checkpoint. */
    private final class Run {
        final boolean stopOnError;
        final Progress progress;
        long applied;
        long appliedWrites;
        long alreadyApplied;
        long deadLettered;
        long deadLetteredWrites;
        String stoppedBecause;
        Connection connection;
        long handled;
        long checkpointedAt = System.nanoTime();

        Run(boolean stopOnError, Progress progress) {
            this.stopOnError = stopOnError;
            this.progress = progress;
        }

        void apply(List<PendingRecord> group) throws IOException {
            if (group.size() == 1) {
                handle(group.get(0));
                return;
            }
            if (connection == null && !connect()) {
                return;
            }
            List<List<MirroredWrite>> units = new ArrayList<>(group.size());
            for (PendingRecord record : group) {
                units.add(record.unit.writes());
            }
            try {
                WriteUnit.applyInTransaction(connection, WriteRuns.merge(units), translator, timeoutSeconds, watchdog);
            } catch (WriteUnit.Failure failure) {
                if (failure.connectionUnusable()) {
                    dropConnection();
                }
                if (failure.outcomeUnknown()) {
                    // the group may stand: applying its records again now could apply them twice
                    for (PendingRecord record : group) {
                        outcomeUnknown.add(record.sequence);
                    }
                    stoppedBecause = "the connection to the secondary was lost while it committed records "
                            + group.get(0).sequence + " to " + group.get(group.size() - 1).sequence + " ("
                            + describe(failure.getCause()) + "); whether they stand is unknown, they stay pending";
                    return;
                }
                if (FailureKind.of(failure.getCause()) == FailureKind.TRANSIENT) {
                    // the secondary is away or busy: each record alone would only meet it again, slowly
                    stoppedBecause = "records " + group.get(0).sequence + " to " + group.get(group.size() - 1).sequence
                            + " failed for a reason that may pass (" + failure.write().describe() + ": "
                            + describe(failure.getCause()) + "); they stay pending, replay again later";
                    return;
                }
                // only applying them one by one tells which record failed, and whether it fails alone
                for (PendingRecord record : group) {
                    if (stoppedBecause != null) {
                        return;
                    }
                    handle(record);
                }
                return;
            }
            for (PendingRecord record : group) {
                applied(record);
            }
        }

        private void handle(PendingRecord record) throws IOException {
            if (record.unit == null) {
                if (stopOnError) {
                    stoppedBecause = "record " + record.sequence + " cannot be read (" + record.unreadable + ")";
                    return;
                }
                deadLetters.addUnreadable(record.sequence, record.timestampMillis, record.unreadable);
                deadLettered++;
                done(record.sequence);
                return;
            }
            if (connection == null && !connect()) {
                return;
            }
            try {
                WriteUnit.apply(connection, record.unit.writes(), translator, timeoutSeconds, watchdog);
                applied(record);
            } catch (WriteUnit.Failure failure) {
                failed(record, failure);
            }
        }

        private void applied(PendingRecord record) throws IOException {
            outcomeUnknown.remove(record.sequence);
            applied++;
            appliedWrites += record.unit.writes().size();
            done(record.sequence);
        }

        private boolean connect() {
            try {
                connection = secondary.open();
                return true;
            } catch (SQLException e) {
                stoppedBecause = "the secondary cannot be reached (" + e.getClass().getSimpleName() + " SQLState "
                        + e.getSQLState() + ")";
                return false;
            }
        }

        private void failed(PendingRecord record, WriteUnit.Failure failure) throws IOException {
            if (failure.connectionUnusable()) {
                dropConnection();
            }
            String reason = failure.write().describe() + ": " + describe(failure.getCause());
            if (foundAlreadyApplied(record, failure)) {
                alreadyApplied++;
                applied(record);
                return;
            }
            if (failure.outcomeUnknown()) {
                outcomeUnknown.add(record.sequence);
            }
            if (FailureKind.of(failure.getCause()) == FailureKind.TRANSIENT) {
                stoppedBecause = "record " + record.sequence + " failed for a reason that may pass (" + reason
                        + "); it stays pending, replay again later";
            } else if (stopOnError) {
                stoppedBecause = "record " + record.sequence + " failed (" + reason
                        + "); it stays pending: correct the cause and replay again";
            } else {
                // the dead-letter file holds the values anyway, so the driver's own words may go with them
                deadLetters.add(record.sequence, record.timestampMillis, record.unit,
                        reason + ": " + failure.getCause().getMessage());
                deadLettered++;
                deadLetteredWrites += record.unit.writes().size();
                outcomeUnknown.remove(record.sequence);
                done(record.sequence);
            }
        }

        /** An earlier attempt of unknown outcome did stand: its first write is there already. */
        private boolean foundAlreadyApplied(PendingRecord record, WriteUnit.Failure failure) {
            return (record.unit.outcomeUnknown() || outcomeUnknown.contains(record.sequence))
                    && failure.write() == record.unit.writes().get(0) && FailureKind.isDuplicateKey(failure.getCause());
        }

        private void dropConnection() {
            close(connection);
            connection = null;
        }

        private void done(long sequence) throws IOException {
            handled = sequence;
            progress.recordDone(sequence);
            if (System.nanoTime() - checkpointedAt >= CHECKPOINT_INTERVAL_MILLIS * 1_000_000L) {
                journal.checkpoint(handled);
                checkpointedAt = System.nanoTime();
            }
        }

        void finish() throws IOException {
            if (connection != null) {
                close(connection);
            }
            if (handled > journal.checkpointed()) {
                journal.checkpoint(handled);
            }
        }
    }

    /** SQL state and class, never the driver's message: it may quote the offending values. */
    private static String describe(Throwable cause) {
        return cause instanceof SQLException
                ? cause.getClass().getSimpleName() + " SQLState " + ((SQLException) cause).getSQLState()
                        + " code " + ((SQLException) cause).getErrorCode()
                : cause.getClass().getSimpleName();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // a broken connection: nothing more to do
        }
    }
}
