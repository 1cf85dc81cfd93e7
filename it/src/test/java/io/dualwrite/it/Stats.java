package io.dualwrite.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's counters from its exit line {@code stats: seen=N applied=N journaled=N skipped=N ignored=N lost=N
 * rolled-back=N replayed=N dead-lettered=N}. A batch or a statement counts as one write; writes of rolled-back
 * transactions count only in rolled-back; replayed and dead-lettered count what became of journaled writes.
 */
public final class Stats {

    static final Pattern LINE = Pattern.compile("stats: seen=(\\d+) applied=(\\d+) journaled=(\\d+) skipped=(\\d+) "
            + "ignored=(\\d+) lost=(\\d+) rolled-back=(\\d+) replayed=(\\d+) dead-lettered=(\\d+)");

    public final long seen;
    public final long applied;
    public final long journaled;
    public final long skipped;
    public final long ignored;
    public final long lost;
    public final long rolledBack;
    public final long replayed;
    public final long deadLettered;

    private Stats(long[] n) {
        seen = n[0];
        applied = n[1];
        journaled = n[2];
        skipped = n[3];
        ignored = n[4];
        lost = n[5];
        rolledBack = n[6];
        replayed = n[7];
        deadLettered = n[8];
    }

    /** The counters of the last stats line in this text, or null when there is none. */
    static Stats parseLast(String text) {
        Matcher m = LINE.matcher(text);
        Stats last = null;
        while (m.find()) {
            long[] n = new long[m.groupCount()];
            for (int i = 0; i < n.length; i++) {
                n[i] = Long.parseLong(m.group(i + 1));
            }
            last = new Stats(n);
        }
        return last;
    }

    static int countLines(String text) {
        int n = 0;
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Every write seen has one fate, and no more writes were replayed or dead-lettered than were journaled. */
    public boolean addsUp() {
        return seen == applied + journaled + skipped + ignored + lost && replayed + deadLettered <= journaled;
    }

    /** Writes the secondary has: applied directly or replayed from the journal. */
    public long reachedSecondary() {
        return applied + replayed;
    }

    @Override
    public String toString() {
        return "seen=" + seen + " applied=" + applied + " journaled=" + journaled + " skipped=" + skipped + " ignored="
                + ignored + " lost=" + lost + " rolled-back=" + rolledBack + " replayed=" + replayed
                + " dead-lettered=" + deadLettered;
    }
}
