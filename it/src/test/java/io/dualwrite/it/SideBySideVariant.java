package io.dualwrite.it;

import java.util.ArrayList;
import java.util.List;

/**
 * One way of running the sample's {@code load} against the primary, as the side-by-side benchmark compares them:
 * how its JVM is started (with or without the agent, and the agent's configuration) and whether the secondary
 * ends up written.
 */
enum SideBySideVariant {

    NO_AGENT("no agent", null),
    /** Instrumentation only: every class is transformed, but no connection is followed. */
    UNMATCHED_URL("agent, URL not matching", "sync"),
    SYNC("agent, sync", "sync"),
    ASYNC("agent, async", "async"),
    HAND_WRITTEN("hand-written dual write", null);

    private static final int SHUTDOWN_TIMEOUT_MS = 120_000;
    /** A pattern that matches no JDBC URL the benchmark uses. */
    private static final String NO_URL = "jdbc:no-such-database:*";

    final String label;
    private final String writeMode;

    SideBySideVariant(String label, String writeMode) {
        this.label = label;
        this.writeMode = writeMode;
    }

    boolean hasAgent() {
        return writeMode != null;
    }

    /** Whether the secondary is written during the run, so that both sides must be equal after it. */
    boolean writesSecondary() {
        return this == SYNC || this == ASYNC || this == HAND_WRITTEN;
    }

    /** How to start the sample application's JVM. */
    AgentRun launcher(DatabasePair pair) {
        if (!hasAgent()) {
            return AgentRun.withoutAgent();
        }
        // time enough at exit to empty the async queue, so that both sides can be compared after every run
        AgentConfig config = AgentConfig.mirroring(pair).mode(writeMode).shutdownTimeoutMs(SHUTDOWN_TIMEOUT_MS);
        return AgentRun.with(this == UNMATCHED_URL ? config.primaryUrlPattern(NO_URL) : config);
    }

    /** The {@code load} command line, the given options appended. */
    List<String> loadCommand(DatabasePair pair, List<String> options) {
        String[] extra = options.toArray(new String[0]);
        return new ArrayList<>(this == HAND_WRITTEN ? SampleCommand.handWrittenLoad(pair.primary(), pair.secondary(),
                extra) : SampleCommand.load(pair.primary(), extra));
    }
}
