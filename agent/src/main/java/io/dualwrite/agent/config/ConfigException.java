package io.dualwrite.agent.config;

import java.util.Objects;

/**
 * A problem with the agent's configuration: where it is, what is wrong and what to do about it.
 *
 * <p>{@link #getMessage()} is always one line of the form
 * {@code <source> line <n>: <dotted.key>: <what is wrong>; <what is allowed or what to do>}. The line is left
 * out when it is not known (for example a missing file), the key when the problem is not about one key (for
 * example a YAML syntax error).
 *
 * <p>Messages never contain secret values; code that creates a ConfigException must not pass them in.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;
    private final String problem;
    private final String remedy;

    /**
     * @param source where the configuration comes from, usually the file path; never null
     * @param line   1-based line number, or 0 (or less) when not known
     * @param key    the dotted key the problem is about, or null
     * @param problem what is wrong
     * @param remedy what is allowed or what to do
     */
    public ConfigException(String source, int line, String key, String problem, String remedy) {
        this(source, line, key, problem, remedy, null);
    }

    /** As {@link #ConfigException(String, int, String, String, String)}, with a cause that carries no secrets. */
    public ConfigException(String source, int line, String key, String problem, String remedy, Throwable cause) {
        super(format(source, line, key, problem, remedy), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.line = Math.max(line, 0);
        this.key = key;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.remedy = remedy;
    }

    /** Where the configuration comes from, usually the file path. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The dotted key the problem is about (e.g. {@code writes.mode}), or null. */
    public String key() {
        return key;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What is allowed or what to do; may be null. */
    public String remedy() {
        return remedy;
    }

    private static String format(String source, int line, String key, String problem, String remedy) {
        StringBuilder sb = new StringBuilder();
        sb.append(oneLine(String.valueOf(source)));
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(oneLine(key)).append(": ");
        }
        sb.append(oneLine(String.valueOf(problem)));
        if (remedy != null && !remedy.isEmpty()) {
            sb.append("; ").append(oneLine(remedy));
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            if (lineBreak) {
                if (!lastWasSpace) {
                    sb.append(' ');
                }
                lastWasSpace = true;
            } else {
                sb.append(c);
                lastWasSpace = c == ' ';
            }
        }
        return sb.toString().trim();
    }
}
