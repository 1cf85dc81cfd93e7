package io.dualwrite.agent.replay;

import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalCursor;
import io.dualwrite.agent.mirror.WriteUnit;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies the journal's pending records to the secondary in their original order, each as the unit it was
 * (a transaction as one transaction), and moves the checkpoint past each record handled, so a second replay
 * applies nothing twice. A record that fails for a permanent reason goes to the dead letters and replay goes
 * on; asked to stop on errors, replay stops there instead and the record stays pending. A transient failure
 * always stops replay with the record still pending.
 */
public final class Replayer {

    /** Opens a connection to the secondary. */
    public interface Secondary {
        Connection open() throws SQLException;
    }

    /** Told after each record, for a progress display. */
    public interface Progress {
        void recordDone(long sequence);
    }

    private final Journal journal;
    private final Secondary secondary;
    private final DeadLetters deadLetters;
    private final int timeoutSeconds;

    public Replayer(Journal journal, Secondary secondary, DeadLetters deadLetters, int timeoutSeconds) {
        this.journal = journal;
        this.secondary = secondary;
        this.deadLetters = deadLetters;
        this.timeoutSeconds = timeoutSeconds;
    }

    public ReplayResult replay(boolean stopOnError, Progress progress) throws IOException {
        long applied = 0;
        long deadLettered = 0;
        Connection connection = null;
        try (JournalCursor pending = journal.pending()) {
            while (pending.next()) {
                long sequence = pending.sequence();
                UnappliedWrites unit;
                try {
                    unit = WriteCodec.decode(pending.payload());
                } catch (IOException unreadable) {
                    if (stopOnError) {
                        return new ReplayResult(applied, deadLettered, "record " + sequence + " cannot be read ("
                                + unreadable.getMessage() + ")");
                    }
                    deadLetters.addUnreadable(sequence, pending.timestampMillis(), unreadable.getMessage());
                    journal.checkpoint(sequence);
                    deadLettered++;
                    continue;
                }
                if (connection == null) {
                    try {
                        connection = secondary.open();
                    } catch (SQLException e) {
                        return new ReplayResult(applied, deadLettered, "the secondary cannot be reached ("
                                + e.getClass().getSimpleName() + " SQLState " + e.getSQLState() + ")");
                    }
                }
                try {
                    WriteUnit.apply(connection, unit.writes(), timeoutSeconds);
                    applied++;
                } catch (WriteUnit.Failure failure) {
                    if (failure.connectionUnusable()) {
                        close(connection);
                        connection = null;
                    }
                    String reason = failure.write().describe() + ": " + describe(failure.getCause());
                    if (FailureKind.of(failure.getCause()) == FailureKind.TRANSIENT) {
                        return new ReplayResult(applied, deadLettered, "record " + sequence + " failed for a "
                                + "reason that may pass (" + reason + "); it stays pending, replay again later");
                    }
                    if (stopOnError) {
                        return new ReplayResult(applied, deadLettered, "record " + sequence + " failed (" + reason
                                + "); it stays pending: correct the cause and replay again");
                    }
                    // the dead-letter file holds the values anyway, so the driver's own words may go with them
                    deadLetters.add(sequence, pending.timestampMillis(), unit,
                            reason + ": " + failure.getCause().getMessage());
                    deadLettered++;
                }
                journal.checkpoint(sequence);
                progress.recordDone(sequence);
            }
            return new ReplayResult(applied, deadLettered, null);
        } finally {
            if (connection != null) {
                close(connection);
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
