package io.dualwrite.agent.mirror;

import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.UnencodableValueException;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.replay.DeadLetters;
import io.dualwrite.agent.replay.FailureKind;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.WriteUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps writes the secondary has not taken: in the journal, behind the backlog, or in the dead-letter file
 * when they would fail again; counts each kept write once, and one it cannot keep as lost.
 */
final class Keeper {

    /** Whether writes joined an open backlog. */
    enum Queued { NO, KEPT, LOST }

    private final Backlog backlog;
    private final DeadLetters deadLetters;
    private final WriteStats stats;
    private final FailureLog failures;

    /** @param backlog and {@code deadLetters} null when the journal could not be opened */
    Keeper(Backlog backlog, DeadLetters deadLetters, WriteStats stats, FailureLog failures) {
        this.backlog = backlog;
        this.deadLetters = deadLetters;
        this.stats = stats;
        this.failures = failures;
    }

    boolean hasJournal() {
        return backlog != null;
    }

    boolean backlogOpen() {
        return backlog != null && backlog.isOpen();
    }

    /** Appends the units, in order and in one go, when the backlog is open. */
    Queued joinBacklog(List<UnappliedWrites> units) {
        if (!backlogOpen()) {
            return Queued.NO;
        }
        Records records = encode(units);
        if (records.units.isEmpty()) {
            return Queued.LOST;
        }
        try {
            if (!backlog.appendIfOpen(records.bytes)) {
                return Queued.NO;
            }
            stats.journal(writes(records.units));
            return Queued.KEPT;
        } catch (IOException e) {
            lose(records.units, e, "lost: the journal could not take it (" + e.getMessage() + ")");
            return Queued.LOST;
        }
    }

    /**
     * Keeps writes the secondary failed to take: in the journal, opening the backlog, when the failure may
     * pass; in the dead-letter file when it will not (a constraint, the syntax), since replaying them would
     * fail again and hold up every write behind them. Returns where they went, or null when they were lost.
     */
    String keep(String origin, List<MirroredWrite> writes, WriteUnit.Failure failure) {
        Throwable cause = failure.getCause();
        String reason = failure.write().describe() + ": " + FailureLog.reason(cause);
        UnappliedWrites unit = new UnappliedWrites(origin, reason, writes, failure.outcomeUnknown());
        if (deadLetters != null && FailureKind.of(cause) == FailureKind.PERMANENT) {
            String kept = "put in the dead-letter file " + deadLetters.file();
            try {
                // the driver's words go with the values, which the owner-only file holds anyway
                deadLetters.addRefused(unit, reason + ": " + cause.getMessage());
            } catch (IOException e) {
                lose(List.of(unit), cause, "lost: it could not be " + kept + " (" + e.getMessage() + ")");
                return null;
            }
            stats.journal(writes.size());
            stats.deadLettered(writes.size());
            failures.record(failure.write(), writes.size(), cause, kept + " (it would fail again)");
            return kept;
        }
        return journalFailed(List.of(unit), failure, writes.size()) ? "journaled for replay" : null;
    }

    /** Journals units that failed together, in one append, and reports it; false when they were lost. */
    boolean journalFailed(List<UnappliedWrites> units, WriteUnit.Failure failure, int writes) {
        if (!journal(units, failure.getCause())) {
            return false;
        }
        failures.record(failure.write(), writes, failure.getCause(),
                "kept in the journal; writes queue behind it until the secondary has taken it");
        return true;
    }

    /** Appends the units to the journal in one go, opening the backlog; false, counted and logged, when lost. */
    boolean journal(List<UnappliedWrites> units, Throwable cause) {
        if (backlog == null) {
            lose(units, cause, "lost: there is no journal (see the error at start-up)");
            return false;
        }
        Records records = encode(units);
        if (records.units.isEmpty()) {
            return false;
        }
        try {
            backlog.openWith(records.bytes);
            stats.journal(writes(records.units));
            return records.units.size() == units.size();
        } catch (IOException e) {
            lose(records.units, cause, "lost: the journal could not take it (" + e.getMessage() + ")");
            return false;
        }
    }

    /** The units' journal records; a unit holding a value the journal cannot encode is lost, alone. */
    private Records encode(List<UnappliedWrites> units) {
        Records records = new Records(units.size());
        for (UnappliedWrites unit : units) {
            try {
                records.bytes.add(WriteCodec.encode(unit));
                records.units.add(unit);
            } catch (UnencodableValueException e) {
                lose(List.of(unit), e, "lost: the journal cannot hold it (" + e.getMessage() + ")");
            }
        }
        return records;
    }

    private static final class Records {
        final List<byte[]> bytes;
        final List<UnappliedWrites> units;

        Records(int size) {
            bytes = new ArrayList<>(size);
            units = new ArrayList<>(size);
        }
    }

    private void lose(List<UnappliedWrites> units, Throwable cause, String outcome) {
        if (units.isEmpty()) {
            return;
        }
        int writes = writes(units);
        stats.lose(writes);
        failures.record(units.get(0).writes().get(0), writes, cause, outcome);
    }

    private static int writes(List<UnappliedWrites> units) {
        int writes = 0;
        for (UnappliedWrites unit : units) {
            writes += unit.writes().size();
        }
        return writes;
    }
}
