package io.dualwrite.agent.journal;

import java.nio.file.Path;
import java.util.List;

/** What {@link Journal#open} found: the whole records it kept and every damage it set aside. */
public final class RecoveryReport {

    private final Path directory;
    private final long recordsKept;
    private final int segmentsKept;
    private final long lastSequence;
    private final long checkpoint;
    private final List<Damage> damages;

    RecoveryReport(Path directory, long recordsKept, int segmentsKept, long lastSequence, long checkpoint,
            List<Damage> damages) {
        this.directory = directory;
        this.recordsKept = recordsKept;
        this.segmentsKept = segmentsKept;
        this.lastSequence = lastSequence;
        this.checkpoint = checkpoint;
        this.damages = List.copyOf(damages);
    }

    public boolean damaged() {
        return !damages.isEmpty();
    }

    /** Whole records found on disk, replayed or not. */
    public long recordsKept() {
        return recordsKept;
    }

    public long bytesIgnored() {
        long total = 0;
        for (Damage damage : damages) {
            total += damage.bytesIgnored();
        }
        return total;
    }

    /** In the order found; the first one of a segment's kind is where the trusted part ended. */
    public List<Damage> damages() {
        return damages;
    }

    public String describe() {
        StringBuilder text = new StringBuilder("journal ").append(directory).append(": ").append(recordsKept)
                .append(recordsKept == 1 ? " record" : " records").append(" kept in ").append(segmentsKept)
                .append(segmentsKept == 1 ? " segment" : " segments").append(", last sequence ").append(lastSequence)
                .append(", checkpoint ").append(checkpoint);
        if (damages.isEmpty()) {
            return text.append("; no damage").toString();
        }
        text.append("; damage found, ").append(bytesIgnored()).append(" bytes ignored:");
        for (Damage damage : damages) {
            text.append("\n  ").append(damage);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
