package io.dualwrite.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the YAML configuration comes from: the agent argument {@code config=PATH}, else the system property
 * {@code dualwrite.config}, else the environment variable {@code DUALWRITE_CONFIG}.
 */
public final class ConfigSource {

    /** The agent argument key naming the config file. */
    public static final String AGENT_ARGUMENT = "config";
    /** The system property naming the config file. */
    public static final String SYSTEM_PROPERTY = "dualwrite.config";
    /** The environment variable naming the config file. */
    public static final String ENVIRONMENT_VARIABLE = "DUALWRITE_CONFIG";

    /** How to give the configuration, for messages. */
    static final String HOW_TO_GIVE = "give the config file with -javaagent:dualwrite-agent.jar=" + AGENT_ARGUMENT
            + "=PATH, the system property " + SYSTEM_PROPERTY + " or the environment variable " + ENVIRONMENT_VARIABLE;

    private static final String AGENT_ARGUMENTS = "-javaagent arguments";

    private final Path path;
    private final String origin;

    /**
     * @param path   the YAML file
     * @param origin how it was given, e.g. {@code system property dualwrite.config}
     */
    public ConfigSource(Path path, String origin) {
        this.path = Objects.requireNonNull(path, "path");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * Finds the configuration file.
     *
     * @param agentArgs      the agent's argument string: comma-separated {@code key=value} pairs; null or blank for none
     * @param systemProperty looks up a system property (e.g. {@code System::getProperty})
     * @param environment    looks up an environment variable (e.g. {@code System::getenv})
     * @return the source, or empty when none of the three names a file
     * @throws ConfigException when the agent arguments are malformed or a given path is empty or invalid
     */
    public static Optional<ConfigSource> locate(String agentArgs, Function<String, String> systemProperty,
                                                Function<String, String> environment) throws ConfigException {
        String fromArgs = configArgument(agentArgs);
        if (fromArgs != null) {
            return Optional.of(new ConfigSource(toPath(fromArgs, AGENT_ARGUMENTS, AGENT_ARGUMENT),
                    "agent argument " + AGENT_ARGUMENT));
        }
        String fromProperty = systemProperty.apply(SYSTEM_PROPERTY);
        if (fromProperty != null) {
            return Optional.of(new ConfigSource(toPath(fromProperty, "system property " + SYSTEM_PROPERTY, null),
                    "system property " + SYSTEM_PROPERTY));
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null) {
            return Optional.of(new ConfigSource(
                    toPath(fromEnvironment, "environment variable " + ENVIRONMENT_VARIABLE, null),
                    "environment variable " + ENVIRONMENT_VARIABLE));
        }
        return Optional.empty();
    }

    private static String configArgument(String agentArgs) throws ConfigException {
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return null;
        }
        String config = null;
        for (String pair : agentArgs.split(",", -1)) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(AGENT_ARGUMENTS, 0, trimmed, "not a key=value pair",
                        "use " + AGENT_ARGUMENT + "=PATH (pairs are separated by commas)");
            }
            String key = trimmed.substring(0, eq).trim();
            String value = trimmed.substring(eq + 1).trim();
            if (!key.equals(AGENT_ARGUMENT)) {
                throw new ConfigException(AGENT_ARGUMENTS, 0, key.isEmpty() ? "(empty key)" : key, "unknown key",
                        "allowed agent argument keys: " + AGENT_ARGUMENT);
            }
            if (config != null) {
                throw new ConfigException(AGENT_ARGUMENTS, 0, key, "given more than once", "give it once");
            }
            config = value;
        }
        return config;
    }

    private static Path toPath(String value, String where, String key) throws ConfigException {
        if (value.trim().isEmpty()) {
            throw new ConfigException(where, 0, key, "is empty", "give the path of the YAML config file");
        }
        try {
            return Paths.get(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(where, 0, key, value + " is not a valid path (" + e.getReason() + ")",
                    "give the path of the YAML config file");
        }
    }

    /** The YAML file. */
    public Path path() {
        return path;
    }

    /** How the file was given, e.g. {@code agent argument config}, {@code system property dualwrite.config}. */
    public String origin() {
        return origin;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConfigSource)) {
            return false;
        }
        ConfigSource other = (ConfigSource) o;
        return path.equals(other.path) && origin.equals(other.origin);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + origin.hashCode();
    }

    /** For example {@code /etc/dualwrite.yaml (from system property dualwrite.config)}. */
    @Override
    public String toString() {
        return path + " (from " + origin + ")";
    }
}
