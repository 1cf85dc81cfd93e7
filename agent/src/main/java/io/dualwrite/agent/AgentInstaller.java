package io.dualwrite.agent;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigException;
import io.dualwrite.agent.config.ConfigLoader;
import io.dualwrite.agent.config.ConfigSource;
import io.dualwrite.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import org.slf4j.Logger;

/**
 * Starts the agent inside its isolated class loader: reads the configuration, and when it is valid and
 * enabled, installs the hook handler and the instrumentation. A configuration problem is one error line,
 * after which the agent stays inactive and the application runs as it would without it.
 */
public final class AgentInstaller {

    private AgentInstaller() {
    }

    public static void install(String agentArgs, Instrumentation inst, JarFile agentJar, boolean attached) {
        Logger log = AgentLog.get();
        AgentConfig config;
        Path configFile;
        try {
            Optional<ConfigSource> source = ConfigSource.locate(agentArgs, System::getProperty, System::getenv);
            if (source.isEmpty()) {
                log.error("no configuration given (-javaagent:dualwrite-agent.jar=config=PATH, -Ddualwrite.config=PATH "
                        + "or DUALWRITE_CONFIG); the agent is inactive and the application runs without mirroring");
                return;
            }
            configFile = source.get().path();
            config = ConfigLoader.load(source.get());
        } catch (ConfigException e) {
            log.error("configuration error: {}; the agent is inactive and the application runs without mirroring",
                    e.getMessage());
            return;
        }
        if (!config.enabled()) {
            log.info("disabled by configuration (enabled: false); nothing is instrumented");
            return;
        }
        try {
            // only now: an inactive agent leaves the bootstrap class path, and with it class sharing, alone
            inst.appendToBootstrapClassLoaderSearch(agentJar);
            ActiveAgent.start(config, configFile, inst, attached, log);
        } catch (Exception | LinkageError e) {
            log.error("could not start ({}); the application runs without mirroring", e.toString());
        }
    }
}
