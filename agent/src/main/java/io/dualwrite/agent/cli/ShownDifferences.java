package io.dualwrite.agent.cli;

import io.dualwrite.agent.reconcile.Difference;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The first differences of a table, shown on screen under its summary; the report has them all. */
final class ShownDifferences {

    static final int SHOWN = 10;

    private final List<String> lines = new ArrayList<>(SHOWN);
    private long more;

    /** @param line e.g. {@code missing id=17}; only the first {@value #SHOWN} are kept */
    synchronized void add(String line) {
        if (lines.size() < SHOWN) {
            lines.add(line);
        } else {
            more++;
        }
    }

    /** {@code different id=5: label, amount}, {@code missing id=17}, with the verb given for a repair plan. */
    static String line(String verb, Difference difference) {
        return verb + " " + difference.keyText()
                + (difference.columns().isEmpty() ? "" : ": " + String.join(", ", difference.columns()));
    }

    void print(PrintWriter out, boolean inReport) {
        for (String line : lines) {
            out.println("  " + line);
        }
        if (more > 0) {
            out.println("  ... and " + more + " more" + (inReport ? " (all of them in the report)" : ""));
        }
    }
}
