package io.dualwrite.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The standard output of {@code verify}, {@code repair} or {@code backfill} (issue 5's contract), cut into one
 * block per table: the lines {@code table: ...} and the indented lines under them ({@code   missing id=17},
 * {@code   update id=5: label}, {@code   ... and 7 more ...}). Only the tables a test names start a block, so
 * the header and {@code result:} lines never do.
 */
final class ReconcileOutput {

    private final RunResult run;
    private final Map<String, List<String>> summaries = new LinkedHashMap<>();
    private final Map<String, List<String>> details = new LinkedHashMap<>();

    private ReconcileOutput(RunResult run, Collection<String> tables) {
        this.run = run;
        Set<String> known = new TreeSet<>();
        for (String table : tables) {
            known.add(table.toLowerCase(Locale.ROOT));
        }
        String current = null;
        for (String line : run.stdoutLines()) {
            if (line.startsWith("  ") && current != null) {
                details.get(current).add(line.substring(2));
                continue;
            }
            current = null;
            int colon = line.indexOf(": ");
            if (colon > 0) {
                String table = line.substring(0, colon).toLowerCase(Locale.ROOT);
                if (known.contains(table)) {
                    summaries.computeIfAbsent(table, t -> new ArrayList<>()).add(line.substring(colon + 2));
                    details.computeIfAbsent(table, t -> new ArrayList<>());
                    current = table;
                }
            }
        }
    }

    static ReconcileOutput of(RunResult run, Collection<String> tables) {
        return new ReconcileOutput(run, tables);
    }

    /**
     * What follows {@code table: } on the table's last line (a resumed backfill prints two); fails with the run's
     * output when there is no such line.
     */
    String summary(String table) {
        List<String> lines = summaries(table);
        return lines.get(lines.size() - 1);
    }

    /** What follows {@code table: } on each of the table's lines, in order; fails when there is none. */
    List<String> summaries(String table) {
        List<String> lines = summaries.get(table.toLowerCase(Locale.ROOT));
        if (lines == null) {
            throw new AssertionError("no line '" + table + ": ...' on stdout\n" + run.describe());
        }
        return lines;
    }

    /** The indented lines under the table's line, without their indentation. */
    List<String> details(String table) {
        summary(table);
        return details.get(table.toLowerCase(Locale.ROOT));
    }

    /** The indented lines that name a key ({@code missing ...}, {@code insert ...}), normalised, in a set. */
    Set<String> listedKeys(String table) {
        Set<String> listed = new TreeSet<>();
        for (String line : details(table)) {
            if (!line.startsWith("...")) {
                listed.add(normalise(line));
            }
        }
        return listed;
    }

    /** The indented lines that do not name a key, e.g. {@code ... and 7 more (all of them in the report)}. */
    List<String> otherDetails(String table) {
        List<String> other = new ArrayList<>();
        for (String line : details(table)) {
            if (line.startsWith("...")) {
                other.add(line);
            }
        }
        return other;
    }

    /** The first line of stdout that starts with the prefix; fails with the run's output when there is none. */
    String lineStartingWith(String prefix) {
        for (String line : run.stdoutLines()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' on stdout\n" + run.describe());
    }

    /**
     * A listed difference with its columns in alphabetical order and lower case ({@code different id=7: b, a}
     * becomes {@code different id=7: a, b}), as {@link ReconcileTables#SEEDED_DIFFERENCES} writes them.
     */
    static String normalise(String line) {
        String trimmed = line.trim();
        if (!(trimmed.startsWith("different ") || trimmed.startsWith("update "))) {
            return trimmed;
        }
        int colon = trimmed.lastIndexOf(": ");
        if (colon < 0) {
            return trimmed;
        }
        Set<String> columns = new TreeSet<>();
        for (String column : Arrays.asList(trimmed.substring(colon + 2).split(","))) {
            columns.add(column.trim().toLowerCase(Locale.ROOT));
        }
        return trimmed.substring(0, colon) + ": " + String.join(", ", columns);
    }

    /**
     * The differences as {@code repair --dry-run} lists them: missing becomes {@code insert}, extra {@code delete},
     * different {@code update}.
     */
    static Set<String> asRepairs(Set<String> differences) {
        Set<String> repairs = new TreeSet<>();
        for (String difference : differences) {
            if (difference.startsWith("missing ")) {
                repairs.add("insert " + difference.substring("missing ".length()));
            } else if (difference.startsWith("extra ")) {
                repairs.add("delete " + difference.substring("extra ".length()));
            } else {
                repairs.add("update " + difference.substring("different ".length()));
            }
        }
        return repairs;
    }
}
