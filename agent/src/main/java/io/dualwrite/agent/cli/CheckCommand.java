package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigException;
import io.dualwrite.agent.config.ConfigLoader;
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
            spec.commandLine().getOut().println(loaded.enabled() ? "valid: " + loaded.describe()
                    : "valid: the agent is disabled (enabled: false)");
            return AgentCli.OK;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("invalid: " + e.getMessage());
            return AgentCli.FAILED;
        }
    }
}
