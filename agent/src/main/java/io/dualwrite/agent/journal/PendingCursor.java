package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Streams the records of a read plan that come at or after {@code from}, one segment open at a time. A
 * segment deleted meanwhile (a checkpoint passed it) is skipped.
 */
final class PendingCursor implements JournalCursor {

    private final List<ReadRange> plan;
    private final long from;
    private int nextRange;
    private ReadRange range;
    private FileChannel channel;
    private SegmentReader reader;
    private boolean positioned;

    PendingCursor(List<ReadRange> plan, long from) {
        this.plan = plan;
        this.from = from;
    }

    @Override
    public boolean next() throws IOException {
        positioned = false;
        while (reader != null || openNextRange()) {
            if (reader.next()) {
                if (reader.sequence() >= from) {
                    positioned = true;
                    return true;
                }
                continue;
            }
            DamageException damage = reader.damage();
            if (damage != null) {
                throw new IOException("journal segment " + range.path + " no longer reads back at offset "
                        + damage.offset() + ": " + damage.kind().meaning() + ", " + damage.getMessage());
            }
            closeRange();
        }
        return false;
    }

    private boolean openNextRange() throws IOException {
        while (nextRange < plan.size()) {
            range = plan.get(nextRange++);
            try {
                channel = FileChannel.open(range.path, StandardOpenOption.READ);
            } catch (NoSuchFileException checkpointedAndDeleted) {
                continue;
            }
            reader = new SegmentReader(channel, range.path, range.startOffset, range.endOffset, range.startSequence,
                    true);
            return true;
        }
        return false;
    }

    private void closeRange() {
        reader = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only channel has nothing left to lose
            }
            channel = null;
        }
    }

    private SegmentReader current() {
        if (!positioned) {
            throw new IllegalStateException("no current record: next() has not returned true");
        }
        return reader;
    }

    @Override
    public long sequence() {
        return current().sequence();
    }

    @Override
    public long timestampMillis() {
        return current().timestampMillis();
    }

    @Override
    public byte[] payload() {
        return current().payload();
    }

    /** Where the current record starts: {segment first sequence, offset}. */
    long[] position() {
        return new long[] {range.segmentFirstSequence, current().recordOffset()};
    }

    @Override
    public void close() {
        closeRange();
        nextRange = plan.size();
        positioned = false;
    }
}
