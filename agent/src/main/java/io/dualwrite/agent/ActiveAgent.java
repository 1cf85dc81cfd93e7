package io.dualwrite.agent;

import io.dualwrite.agent.capture.JdbcEvents;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigWatcher;
import io.dualwrite.agent.config.JournalConfig;
import io.dualwrite.agent.config.MetricsConfig;
import io.dualwrite.agent.config.NondeterministicMode;
import io.dualwrite.agent.config.WriteMode;
import io.dualwrite.agent.instrument.JdbcInstrumentation;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.metrics.JmxPublication;
import io.dualwrite.agent.metrics.MetricsException;
import io.dualwrite.agent.metrics.PrometheusEndpoint;
import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.AsyncApplier;
import io.dualwrite.agent.mirror.Backlog;
import io.dualwrite.agent.mirror.Drainer;
import io.dualwrite.agent.mirror.FailureLog;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.agent.read.ReadRouter;
import io.dualwrite.agent.replay.DeadLetters;
import io.dualwrite.agent.replay.GroupLimits;
import io.dualwrite.agent.replay.Replayer;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.bootstrap.JdbcHooks;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The agent once it is active: counters, journal, mirror, drainer, hook handler and instrumentation. Apart
 * from {@link AgentInstaller} because it uses the bootstrap hook API, which is on the bootstrap class path
 * only once the configuration has been found valid.
 */
final class ActiveAgent {

    private static final long FAILURE_LOG_INTERVAL_MS = 10_000;

    private ActiveAgent() {
    }

    /** How often the configuration file is read again: a change takes effect within this and a little more. */
    private static final long CONFIG_CHECK_INTERVAL_MS = 500;

    static void start(AgentConfig config, Path configFile, Instrumentation inst, boolean attached, Logger log)
            throws Exception {
        long started = System.nanoTime();
        WriteStats stats = new WriteStats();
        ReadStats readStats = new ReadStats();
        Backlog backlog = openBacklog(config.journal(), log);
        DeadLetters deadLetters = backlog == null ? null : new DeadLetters(config.journal().deadLetters());
        Mirror mirror = new Mirror(config.secondary(), StatementTranslator.of(config), config.writes().onFailure(),
                backlog, deadLetters, stats, new FailureLog(log, FAILURE_LOG_INTERVAL_MS));
        Drainer drainer = null;
        if (backlog != null) {
            Replayer replayer = new Replayer(backlog.journal(), mirror::openUnpooled, deadLetters,
                    mirror.timeoutSeconds(), GroupLimits.DEFAULT, mirror.watchdog(), mirror.translator());
            drainer = new Drainer(backlog, replayer, stats, config.journal().retryIntervalMs(), log);
            drainer.start();
        }
        AsyncApplier async = null;
        if (config.writes().mode() == WriteMode.ASYNC) {
            async = new AsyncApplier(mirror, config.writes().queueCapacity(), config.writes().whenFull());
            async.start();
        }
        FailureLog readFailures = new FailureLog(log, FAILURE_LOG_INTERVAL_MS);
        ReadRouter reads = ReadRouter.open(config, mirror, readStats, readFailures, log);
        JdbcEvents events = new JdbcEvents(config, mirror, async != null ? async : mirror, stats, reads, log);
        JdbcHooks.install(events);
        new ConfigWatcher(configFile, config, reloaded -> {
            mirror.onFailure(reloaded.writes().onFailure());
            events.mirroring(reloaded.enabled());
            reads.configure(reloaded.reads(), reloaded.enabled());
        }, log, CONFIG_CHECK_INTERVAL_MS).start();
        List<AutoCloseable> publications = publish(config.metrics(),
                new AgentMetrics(stats, readStats, backlog, drainer, async), log);
        Drainer stoppable = drainer;
        AsyncApplier queue = async;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + config.writes().shutdownTimeoutMs() * 1_000_000L;
            if (queue != null) {
                queue.finish(config.writes().shutdownTimeoutMs());
            }
            if (stoppable != null) {
                stoppable.finish(Math.max(0, (deadline - System.nanoTime()) / 1_000_000L));
            }
            reads.close();
            log.info(stats.summary());
            log.info(readStats.summary());
            for (AutoCloseable publication : publications) {
                close(publication);
            }
            mirror.close();
        }, "dualwrite-shutdown"));
        // ByteBuddy (relocated, so this names the agent's copy only) without sun.misc.Unsafe, which the
        // advice does not need and which newer JDKs warn about
        System.setProperty("net.bytebuddy.safe", "true");
        JdbcInstrumentation.install(inst, ActiveAgent.class.getClassLoader(), attached,
                config.writes().nondeterministic() == NondeterministicMode.REWRITE, log);
        log.info("active in {} ms: {}", (System.nanoTime() - started) / 1_000_000, config.describe());
    }

    /** Registers the MBean and starts the endpoint as configured; a failure is logged, never fatal. */
    private static List<AutoCloseable> publish(MetricsConfig config, AgentMetrics metrics, Logger log) {
        List<AutoCloseable> publications = new ArrayList<>();
        if (config.jmx()) {
            try {
                publications.add(JmxPublication.register(metrics));
            } catch (MetricsException e) {
                log.warn("{}; mirroring goes on without it", e.getMessage());
            }
        }
        if (config.port() != 0) {
            try {
                PrometheusEndpoint endpoint = PrometheusEndpoint.start(config.host(), config.port(), metrics);
                publications.add(endpoint);
                log.info("metrics at http://{}:{}/metrics", config.host(), endpoint.address().getPort());
            } catch (MetricsException e) {
                log.warn("{}; mirroring goes on without it", e.getMessage());
            }
        }
        return publications;
    }

    private static void close(AutoCloseable publication) {
        try {
            publication.close();
        } catch (Exception e) {
            // shutting down: nothing is left to tell
        }
    }

    /**
     * Opens the journal; null when it cannot be, which is logged: the agent still mirrors, but a write the
     * secondary fails to take is then lost (and counted).
     */
    private static Backlog openBacklog(JournalConfig config, Logger log) {
        Journal journal;
        try {
            journal = Journal.open(config.dir(), config.options());
        } catch (IOException | RuntimeException e) {
            log.error("the journal {} cannot be opened ({}); mirroring goes on, but writes the secondary fails to "
                    + "take will be lost: give journal.dir a directory this application alone can write", config.dir(),
                    e.getMessage());
            return null;
        }
        if (journal.recovery().damaged()) {
            log.warn("the journal {} was damaged; {}", config.dir(), journal.recovery().describe());
        }
        Backlog backlog = new Backlog(journal);
        if (backlog.isOpen()) {
            log.info("the journal {} holds {} record(s) not yet replayed; new writes queue behind them until they are",
                    config.dir(), journal.stats().pendingRecords());
        }
        return backlog;
    }
}
