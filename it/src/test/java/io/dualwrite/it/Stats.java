package io.dualwrite.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's counters from its exit line {@code stats: seen=N applied=N failed=N skipped=N rolled-back=N}.
 * A batch or a statement counts as one write; writes of rolled-back transactions count only in rolled-back.
 */
public final class Stats {

    static final Pattern LINE = Pattern.compile(
            "stats: seen=(\\d+) applied=(\\d+) failed=(\\d+) skipped=(\\d+) rolled-back=(\\d+)");

    public final long seen;
    public final long applied;
    public final long failed;
    public final long skipped;
    public final long rolledBack;

    Stats(long seen, long applied, long failed, long skipped, long rolledBack) {
        this.seen = seen;
        this.applied = applied;
        this.failed = failed;
        this.skipped = skipped;
        this.rolledBack = rolledBack;
    }

    /** The counters of the last stats line in this text, or null when there is none. */
    static Stats parseLast(String text) {
        Matcher m = LINE.matcher(text);
        Stats last = null;
        while (m.find()) {
            last = new Stats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
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

    public boolean addsUp() {
        return seen == applied + failed + skipped;
    }

    @Override
    public String toString() {
        return "seen=" + seen + " applied=" + applied + " failed=" + failed + " skipped=" + skipped
                + " rolled-back=" + rolledBack;
    }
}
