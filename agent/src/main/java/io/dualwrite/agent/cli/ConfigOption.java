package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigException;
import io.dualwrite.agent.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --config FILE}, which every command needs, and reading it. */
final class ConfigOption {

    /** Inherited, so that {@code journal dump --config FILE} is accepted; a parent's own would be required before {@code dump}. */
    @Option(names = "--config", paramLabel = "FILE", required = true, scope = ScopeType.INHERIT,
            description = "The agent's configuration file (YAML), as given to the agent.")
    Path file;

    AgentConfig load() throws CommandFailure {
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw new CommandFailure("invalid configuration: " + e.getMessage());
        }
    }
}
