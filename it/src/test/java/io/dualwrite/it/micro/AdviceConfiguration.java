package io.dualwrite.it.micro;

import io.dualwrite.it.AgentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three JVMs {@link AdviceOverheadBenchmark} runs in, what each adds to the fork's command line, and what its
 * {@link ForkEvidence} must show.
 */
enum AdviceConfiguration {

    NO_AGENT("no agent") {
        @Override
        String contradiction(ForkEvidence e) {
            return e.agentActive ? "the agent is active"
                    : e.secondaryExecutions != 0 ? "statements reached the secondary" : null;
        }
    },
    /** The agent attached, its URL pattern matching only the probe: instrumentation cost, nothing followed. */
    UNMATCHED_URL("agent, URL not matching", AdviceOverheadBenchmark.PROBE_URL + "*") {
        @Override
        String contradiction(ForkEvidence e) {
            if (!e.agentActive) {
                return "the agent is not active";
            }
            // the probe's one write, and nothing of the measured connection, which the pattern leaves out
            return e.writesSeen != 1 || e.secondaryExecutions != 1
                    ? "expected only the probe's write on the secondary (the fake driver uninstrumented, or the "
                            + "primary followed)" : null;
        }
    },
    /** The agent attached and following the primary: every write mirrored to the secondary before returning. */
    MIRRORED_SYNC("agent, mirroring (sync)", AdviceOverheadBenchmark.PRIMARY_URL + "*") {
        @Override
        String contradiction(ForkEvidence e) {
            if (!e.agentActive) {
                return "the agent is not active";
            }
            boolean everyWriteMirrored = e.primaryExecutions > 0 && e.secondaryExecutions == e.primaryExecutions
                    && e.writesSeen == e.primaryExecutions && e.writesApplied == e.primaryExecutions;
            return everyWriteMirrored ? null : "not every write on the primary was applied once to the secondary";
        }
    };

    private final String label;
    /** The agent's primary.url-pattern; null when the agent is not attached. */
    private final String urlPattern;

    AdviceConfiguration(String label) {
        this(label, null);
    }

    AdviceConfiguration(String label, String urlPattern) {
        this.label = label;
        this.urlPattern = urlPattern;
    }

    String label() {
        return label;
    }

    /**
     * What the fork's command line gets: the agent with a configuration file written under {@code work} (its
     * journal beside it), and the properties naming this configuration and where the evidence goes.
     */
    List<String> jvmArgs(Path agentJar, Path work, Path evidence) throws IOException {
        List<String> args = new ArrayList<>();
        if (urlPattern != null) {
            Path dir = Files.createDirectories(work.resolve(name().toLowerCase(Locale.ROOT)));
            Path config = dir.resolve("dualwrite.yaml");
            Files.writeString(config, AgentConfig.mirroring(urlPattern, AdviceOverheadBenchmark.SECONDARY_URL)
                    .journalDir(dir.resolve("journal")).toYaml());
            args.add("-javaagent:" + agentJar + "=config=" + config);
        }
        args.add("-D" + AdviceOverheadBenchmark.CONFIGURATION_PROPERTY + "=" + name());
        args.add("-D" + AdviceOverheadBenchmark.EVIDENCE_PROPERTY + "=" + evidence);
        return args;
    }

    /** What in a fork's evidence contradicts this configuration, or null when it is as expected. */
    abstract String contradiction(ForkEvidence evidence);
}
