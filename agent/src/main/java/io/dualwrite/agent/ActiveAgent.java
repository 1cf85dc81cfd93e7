package io.dualwrite.agent;

import io.dualwrite.agent.capture.JdbcEvents;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.instrument.JdbcInstrumentation;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.FailureLog;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.bootstrap.JdbcHooks;
import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;

/**
 * The agent once it is active: counters, mirror, hook handler and instrumentation. Apart from
 * {@link AgentInstaller} because it uses the bootstrap hook API, which is on the bootstrap class path
 * only once the configuration has been found valid.
 */
final class ActiveAgent {

    private static final long FAILURE_LOG_INTERVAL_MS = 10_000;

    private ActiveAgent() {
    }

    static void start(AgentConfig config, Instrumentation inst, boolean attached, Logger log) throws Exception {
        long started = System.nanoTime();
        WriteStats stats = new WriteStats();
        Mirror mirror = new Mirror(config.secondary(), stats, new FailureLog(log, FAILURE_LOG_INTERVAL_MS));
        JdbcHooks.install(new JdbcEvents(config, mirror, stats, log));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info(stats.summary());
            mirror.close();
        }, "dualwrite-shutdown"));
        // ByteBuddy (relocated, so this names the agent's copy only) without sun.misc.Unsafe, which the
        // advice does not need and which newer JDKs warn about
        System.setProperty("net.bytebuddy.safe", "true");
        JdbcInstrumentation.install(inst, ActiveAgent.class.getClassLoader(), attached, log);
        log.info("active in {} ms: {}", (System.nanoTime() - started) / 1_000_000, config.describe());
    }
}
