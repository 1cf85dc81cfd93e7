package io.dualwrite.agent.cli;

import io.dualwrite.agent.replay.Replayer;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a long command is (a replay's records, a verification's or a backfill's rows): on a terminal, a bar
 * redrawn in place with the count done of the total, rate and time left; elsewhere (a log, a pipe) a plain line
 * every few seconds, since redrawn lines would pile up there.
 */
final class Progress implements Replayer.Progress {

    static final long REDRAW_NANOS = 100_000_000L;
    static final long LINE_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final String unit;
    private long total;
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long started;
    private long done;
    private long shownAt;
    private int drawnLength;

    /**
     * @param label what is done, starting each plain line, e.g. {@code replay} or {@code verify: orders}
     * @param unit  what is counted, plural, e.g. {@code records}
     */
    Progress(String label, String unit, long total, PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.shownAt = started;
    }

    /**
     * Whether standard input and output are a terminal. Since JDK 22 {@link System#console()} may return a
     * console for redirected streams too; {@code Console.isTerminal()} then tells, and this code is compiled
     * for Java 11, where that method does not exist.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void recordDone(long sequence) {
        add(1);
    }

    /** A total known only after the start (a table's row count, read once the command is under way). */
    void total(long total) {
        this.total = total;
    }

    void add(long count) {
        done += count;
        long now = nanoClock.getAsLong();
        if (now - shownAt >= (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            show(now);
        }
    }

    /** Shows where the work ended, and ends the bar's line so that what follows starts on a line of its own. */
    void finish() {
        if (terminal) {
            show(nanoClock.getAsLong());
            if (drawnLength > 0) {
                out.println();
            }
        }
        out.flush();
    }

    private void show(long now) {
        shownAt = now;
        String status = status(now);
        if (terminal) {
            String line = bar() + " " + status;
            // blanks over what a longer line before left behind
            out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            drawnLength = line.length();
        } else {
            out.println(label + ": " + status);
        }
        out.flush();
    }

    private String bar() {
        int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        StringBuilder bar = new StringBuilder(BAR_WIDTH + 2).append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : ' ');
        }
        return bar.append(']').toString();
    }

    String status(long now) {
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        // a total read before others wrote more is an estimate: never past 100 %
        long shownTotal = Math.max(total, done);
        long percent = shownTotal == 0 ? 100 : done * 100 / shownTotal;
        String text = String.format(Locale.ROOT, "%d/%d %s (%d%%), %.0f %s/s", done, shownTotal, unit, percent, rate,
                unit);
        if (done < shownTotal && rate > 0) {
            text += ", " + duration((long) Math.ceil((shownTotal - done) / rate)) + " left";
        }
        return text;
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
