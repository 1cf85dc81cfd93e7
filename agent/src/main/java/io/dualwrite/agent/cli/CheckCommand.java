package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigException;
import io.dualwrite.agent.config.ConfigLoader;
import io.dualwrite.agent.config.Glob;
import io.dualwrite.agent.config.PrimaryConnection;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check --config FILE}: whether the agent could run with a file, and what it would do. */
@Command(name = "check", separator = " ", sortOptions = false,
        description = "Validate a configuration file and print what the agent would do.",
        footer = {"", "Exit codes: 0 valid, 2 invalid (the message names the file, the line and the key)."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            AgentConfig loaded = ConfigLoader.load(config.file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(loaded.enabled() ? "valid: " + loaded.describe()
                    : "valid: the agent is disabled (enabled: false)");
            Optional<PrimaryConnection> primary = loaded.primaryConnection();
            if (primary.isPresent()) {
                out.println("commands connect to the primary at " + primary.get().redactedUrl());
                Glob pattern = loaded.primaryUrlPattern();
                if (pattern != null && !pattern.matches(primary.get().url())) {
                    out.println("note: primary.url does not match primary.url-pattern");
                }
            }
            return AgentCli.OK;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("invalid: " + e.getMessage());
            return AgentCli.FAILED;
        }
    }
}
