package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sample's {@code reads} scenario printed: one {@code read kind=K id=I ...} line per read, a
 * {@code reads kind=K primary=X secondary=Y other=Z errors=E} line per kind, and in a loop
 * {@code reads window=N ...} lines.
 */
final class ReadOutput {

    private static final Pattern TALLY = Pattern.compile(
            "primary=(\\d+) secondary=(\\d+) other=(\\d+) errors=(\\d+)");

    private final RunResult run;

    private ReadOutput(RunResult run) {
        this.run = run;
    }

    /** The output of a run that ended normally with the scenario done. */
    static ReadOutput of(RunResult run) {
        run.assertScenarioDone("reads");
        return new ReadOutput(run);
    }

    /** The answers to the reads of one kind, by the side that gave them. */
    Tally total(String kind) {
        String prefix = "reads kind=" + kind + " ";
        List<String> lines = new ArrayList<>();
        for (String line : run.stdoutLines()) {
            if (line.startsWith(prefix)) {
                lines.add(line);
            }
        }
        assertThat(lines).as("the '%s' line%n%s", prefix.trim(), run.describe()).hasSize(1);
        return Tally.parse(lines.get(0));
    }

    /** Every read of one kind, as its line's {@code key=value} fields. */
    List<Map<String, String>> answers(String kind) {
        List<Map<String, String>> answers = new ArrayList<>();
        for (String line : run.stdoutLines()) {
            if (line.startsWith("read kind=" + kind + " ")) {
                answers.add(fields(line));
            }
        }
        assertThat(answers).as("'read kind=%s' lines%n%s", kind, run.describe()).isNotEmpty();
        return answers;
    }

    String describe() {
        return run.describe();
    }

    /** The {@code reads window=N} lines printed so far by a running loop, in order. */
    static List<Tally> windows(String stdout) {
        List<Tally> windows = new ArrayList<>();
        // a line still being written (no newline yet) is left for the next look
        int end = stdout.lastIndexOf('\n');
        for (String line : stdout.substring(0, Math.max(0, end)).split("\\r?\\n")) {
            if (line.startsWith("reads window=")) {
                windows.add(Tally.parse(line));
            }
        }
        return windows;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return fields;
    }

    /** Answers counted by the side named in their {@code source} column, and the reads that failed. */
    static final class Tally {
        final long primary;
        final long secondary;
        final long other;
        final long errors;

        private Tally(long primary, long secondary, long other, long errors) {
            this.primary = primary;
            this.secondary = secondary;
            this.other = other;
            this.errors = errors;
        }

        static Tally parse(String line) {
            Matcher m = TALLY.matcher(line);
            if (!m.find()) {
                throw new AssertionError("not a tally of reads: " + line);
            }
            return new Tally(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)));
        }

        long reads() {
            return primary + secondary + other + errors;
        }

        @Override
        public String toString() {
            return "primary=" + primary + " secondary=" + secondary + " other=" + other + " errors=" + errors;
        }
    }
}
