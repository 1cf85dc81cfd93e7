package io.dualwrite.agent.replay;

import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalCursor;
import io.dualwrite.agent.write.WriteUnit;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies the journal's pending records to the secondary in their original order, each as the unit it was
 * (a transaction as one transaction), and moves the checkpoint past the records handled, so a second replay
 * applies nothing twice. A record that fails for a permanent reason goes to the dead letters and replay goes
 * on; asked to stop on errors, replay stops there instead and the record stays pending. A transient failure
 * always stops replay with the record still pending.
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
    private volatile boolean stopRequested;

    public Replayer(Journal journal, Secondary secondary, DeadLetters deadLetters, int timeoutSeconds) {
        this.journal = journal;
        this.secondary = secondary;
        this.deadLetters = deadLetters;
        this.timeoutSeconds = timeoutSeconds;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }


    public ReplayResult replay(boolean stopOnError, Progress progress) throws IOException {
        Run run = new Run(stopOnError, progress);
        try (JournalCursor pending = journal.pending()) {
            while (run.stoppedBecause == null && pending.next()) {
                if (stopRequested) {
                    run.stoppedBecause = "asked to stop before record " + pending.sequence()
                            + "; it and the records after it stay pending";
                    break;
                }
                run.handle(pending.sequence(), pending.timestampMillis(), pending.payload());
            }
        } finally {
            run.finish();
        }
        return new ReplayResult(run.applied, run.appliedWrites, run.deadLettered, run.deadLetteredWrites,
                run.stoppedBecause);
    }

    /**
     * Asks this replayer to stop once the record it is applying is done, for good: from any thread, such as a
     * shutdown hook. The replay then ends as usual, checkpoint written.
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

        void handle(long sequence, long timestampMillis, byte[] payload) throws IOException {
            UnappliedWrites unit;
            try {
                unit = WriteCodec.decode(payload);
            } catch (IOException unreadable) {
                if (stopOnError) {
                    stoppedBecause = "record " + sequence + " cannot be read (" + unreadable.getMessage() + ")";
                    return;
                }
                deadLetters.addUnreadable(sequence, timestampMillis, unreadable.getMessage());
                deadLettered++;
                done(sequence);
                return;
            }
            if (connection == null && !connect()) {
                return;
            }
            try {
                WriteUnit.apply(connection, unit.writes(), timeoutSeconds);
                applied++;
                appliedWrites += unit.writes().size();
                done(sequence);
            } catch (WriteUnit.Failure failure) {
                failed(sequence, timestampMillis, unit, failure);
            }
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

        private void failed(long sequence, long timestampMillis, UnappliedWrites unit, WriteUnit.Failure failure)
                throws IOException {
            if (failure.connectionUnusable()) {
                close(connection);
                connection = null;
            }
            String reason = failure.write().describe() + ": " + describe(failure.getCause());
            if (FailureKind.of(failure.getCause()) == FailureKind.TRANSIENT) {
                stoppedBecause = "record " + sequence + " failed for a reason that may pass (" + reason
                        + "); it stays pending, replay again later";
            } else if (stopOnError) {
                stoppedBecause = "record " + sequence + " failed (" + reason
                        + "); it stays pending: correct the cause and replay again";
            } else {
                // the dead-letter file holds the values anyway, so the driver's own words may go with them
                deadLetters.add(sequence, timestampMillis, unit, reason + ": " + failure.getCause().getMessage());
                deadLettered++;
                deadLetteredWrites += unit.writes().size();
                done(sequence);
            }
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
