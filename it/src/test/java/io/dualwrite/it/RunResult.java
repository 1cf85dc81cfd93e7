package io.dualwrite.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a forked JVM did: its command, exit code, output and the agent's stats line. */
public final class RunResult {

    private static final int SHOWN_CHARS = 12_000;

    private final List<String> command;
    private final int exitCode;
    private final boolean timedOut;
    private final Duration timeout;
    private final String stdout;
    private final String stderr;
    private final Duration took;
    private final Path stdoutFile;
    private final Path stderrFile;
    private String configYaml;

    RunResult(List<String> command, int exitCode, boolean timedOut, Duration timeout, String stdout, String stderr,
              Duration took, Path stdoutFile, Path stderrFile) {
        this.command = command;
        this.exitCode = exitCode;
        this.timedOut = timedOut;
        this.timeout = timeout;
        this.stdout = stdout;
        this.stderr = stderr;
        this.took = took;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    RunResult withConfig(String yaml) {
        this.configYaml = yaml;
        return this;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    public List<String> stderrLines() {
        return lines(stderr);
    }

    public List<String> stdoutLines() {
        return lines(stdout);
    }

    /** Lines on stderr that contain {@code ERROR} and come from dualwrite. */
    public List<String> dualwriteErrorLines() {
        return stderrLines().stream()
                .filter(l -> l.contains("ERROR") && l.toLowerCase(Locale.ROOT).contains("dualwrite"))
                .collect(Collectors.toList());
    }

    /** Lines of stdout and stderr that contain the text (case-insensitive). */
    public List<String> linesMentioning(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>(stdoutLines());
        all.addAll(stderrLines());
        return all.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains(needle)).collect(Collectors.toList());
    }

    /** Asserts that the JVM ended by itself with exit code 0 and returns this. */
    public RunResult assertExitedNormally() {
        assertThat(timedOut).as("the forked JVM timed out after %s%n%s", timeout, describe()).isFalse();
        assertThat(exitCode).as("exit code of the forked JVM%n%s", describe()).isEqualTo(0);
        return this;
    }

    /** Asserts exit 0 and the sample's {@code scenario NAME done} line. */
    public RunResult assertScenarioDone(String scenario) {
        assertExitedNormally();
        assertThat(stdout + stderr).as("the sample application's completion line%n%s", describe())
                .contains("scenario " + scenario + " done");
        return this;
    }

    /** The agent's counters (exactly one stats line expected); fails with the output when there is none. */
    public Stats stats() {
        Stats stats = Stats.parseLast(stderr);
        assertThat(stats).as("the agent's stats line (stats: seen=N applied=N journaled=N ...) on stderr%n%s", describe()).isNotNull();
        assertThat(Stats.countLines(stderr)).as("number of stats lines%n%s", describe()).isEqualTo(1);
        return stats;
    }

    /** The agent's counters, checked to add up (seen = applied + journaled + skipped + ignored + lost). */
    public Stats consistentStats() {
        Stats stats = stats();
        assertThat(stats.addsUp()).as("seen = applied + journaled + skipped + ignored + lost, and replayed + "
                + "dead-lettered <= journaled, in %s%n%s", stats, describe()).isTrue();
        return stats;
    }

    public Stats statsOrNull() {
        return Stats.parseLast(stderr);
    }

    /** The number printed right after the first occurrence of the prefix on stdout ("prepared: 42 rows"). */
    public long numberPrintedAfter(String prefix) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "(\\d+)")
                .matcher(stdout);
        assertThat(m.find()).as("a number after '%s' on stdout%n%s", prefix, describe()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Runs a check on the databases; when it fails, the failure carries this run's output too. */
    public void verify(Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            AssertionError withOutput = new AssertionError(e.getMessage() + "\n" + describe(), e);
            throw withOutput;
        }
    }

    /** Everything about this run, for assertion messages. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("---- command: ").append(String.join(" ", command)).append('\n');
        s.append("---- exit code: ").append(timedOut ? "none, destroyed after timeout " + timeout : exitCode)
                .append(", took ").append(took.toMillis()).append(" ms\n");
        if (configYaml != null) {
            s.append("---- agent configuration:\n").append(configYaml).append('\n');
        }
        s.append("---- stdout (").append(stdoutFile).append("):\n").append(tail(stdout)).append('\n');
        s.append("---- stderr (").append(stderrFile).append("):\n").append(tail(stderr)).append('\n');
        s.append("----");
        return s.toString();
    }

    private static String tail(String text) {
        if (text.length() <= SHOWN_CHARS) {
            return text;
        }
        return "[... " + (text.length() - SHOWN_CHARS) + " characters before ...]\n"
                + text.substring(text.length() - SHOWN_CHARS);
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(text.split("\\r?\\n")));
    }

    @Override
    public String toString() {
        return describe();
    }
}
