package io.dualwrite.sample;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: a command, for {@code scenario} a scenario name, then {@code --option value} pairs and
 * {@code --flag}s (options without a value). Anything malformed is a {@link UsageException}.
 */
public final class Args {

    private static final Map<String, Set<String>> OPTIONS_BY_COMMAND = Map.of(
            "schema", Set.of("url", "user", "password"),
            "scenario", Set.of("url", "user", "password", "threads", "rows", "seconds", "operations", "stop-file",
                    "exit-file", "max-errors", "pause-ms", "read", "queries", "table"),
            "demo", Set.of("primary", "secondary"),
            "startup", Set.of("url", "user", "password"),
            "load", Set.of("url", "user", "password", "threads", "duration", "warmup", "mix", "batch", "rows",
                    "rate", "json", "secondary-url", "secondary-user", "secondary-password"));

    private static final Map<String, Set<String>> FLAGS_BY_COMMAND = Map.of(
            "load", Set.of("hand-written-dual-write", "setup-only"));

    private static final String COMMANDS = "schema, scenario, demo, load, startup";

    private final String command;
    private final String scenarioName;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Args(String command, String scenarioName, Map<String, String> options, Set<String> flags) {
        this.command = command;
        this.scenarioName = scenarioName;
        this.options = options;
        this.flags = flags;
    }

    public static Args parse(String[] argv) throws UsageException {
        List<String> words = List.of(argv);
        if (words.isEmpty()) {
            throw new UsageException("missing command: one of " + COMMANDS);
        }
        String command = words.get(0);
        Set<String> allowed = OPTIONS_BY_COMMAND.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "': one of " + COMMANDS);
        }
        int next = 1;
        String scenarioName = null;
        if (command.equals("scenario")) {
            if (words.size() < 2 || words.get(1).startsWith("--")) {
                throw new UsageException("missing scenario name");
            }
            scenarioName = words.get(1);
            next = 2;
        }
        Set<String> allowedFlags = FLAGS_BY_COMMAND.getOrDefault(command, Set.of());
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        int i = next;
        while (i < words.size()) {
            String word = words.get(i);
            String name = word.startsWith("--") ? word.substring(2) : null;
            if (name != null && allowedFlags.contains(name)) {
                flags.add(name);
                i++;
                continue;
            }
            if (name == null || !allowed.contains(name)) {
                throw new UsageException("unknown option '" + word + "' for " + command);
            }
            if (i + 1 >= words.size()) {
                throw new UsageException("missing value for --" + name);
            }
            options.put(name, words.get(i + 1));
            i += 2;
        }
        return new Args(command, scenarioName, options, flags);
    }

    public String command() {
        return command;
    }

    String scenarioName() {
        return scenarioName;
    }

    public String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("missing required option --" + name);
        }
        return value;
    }

    /** Null when not given. */
    public String optional(String name) {
        return options.get(name);
    }

    /** Whether the flag (an option without a value) was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    public int positiveInt(String name, int defaultValue) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like a non-positive number
        }
        throw new UsageException("--" + name + " needs a positive whole number, got '" + value + "'");
    }

    public int nonNegativeInt(String name, int defaultValue) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative number
        }
        throw new UsageException("--" + name + " needs a whole number of 0 or more, got '" + value + "'");
    }

    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
