package io.dualwrite.agent;

import io.dualwrite.agent.capture.JdbcEvents;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigException;
import io.dualwrite.agent.config.ConfigLoader;
import io.dualwrite.agent.config.ConfigSource;
import io.dualwrite.agent.instrument.JdbcInstrumentation;
import io.dualwrite.agent.log.AgentLog;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.FailureLog;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.bootstrap.JdbcHooks;
import java.lang.instrument.Instrumentation;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Starts the agent inside its isolated class loader: reads the configuration, and when it is valid and
 * enabled, installs the hook handler and the instrumentation. A configuration problem is one error line,
 * after which the agent stays inactive and the application runs as it would without it.
 */
public final class AgentInstaller {

    private static final long FAILURE_LOG_INTERVAL_MS = 10_000;

    private AgentInstaller() {
    }

    public static void install(String agentArgs, Instrumentation inst) {
        Logger log = AgentLog.get();
        AgentConfig config;
        try {
            Optional<ConfigSource> source = ConfigSource.locate(agentArgs, System::getProperty, System::getenv);
            if (source.isEmpty()) {
                log.error("no configuration given (-javaagent:dualwrite-agent.jar=config=PATH, -Ddualwrite.config=PATH "
                        + "or DUALWRITE_CONFIG); the agent is inactive and the application runs without mirroring");
                return;
            }
            config = ConfigLoader.load(source.get().path());
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
            start(config, inst, log);
        } catch (Exception | LinkageError e) {
            log.error("could not start ({}); the application runs without mirroring", e.toString());
        }
    }

    private static void start(AgentConfig config, Instrumentation inst, Logger log) throws Exception {
        WriteStats stats = new WriteStats();
        Mirror mirror = new Mirror(config.secondary(), stats, new FailureLog(log, FAILURE_LOG_INTERVAL_MS));
        JdbcHooks.install(new JdbcEvents(config, mirror, stats, log));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info(stats.summary());
            mirror.close();
        }, "dualwrite-shutdown"));
        JdbcInstrumentation.install(inst, AgentInstaller.class.getClassLoader(), log);
        log.info("active: {}", config.describe());
    }
}
