package io.dualwrite.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What differs between two valid configurations: the keys a running agent applies at once, each with its
 * old and new value, and the keys that take effect only at the next start, named without their values
 * (the secondary's section holds secrets). Keys the agent does not use (the primary's connection keys, read by
 * the commands only) are no change.
 */
public final class ConfigChange {

    private final List<String> applied = new ArrayList<>();
    private final List<String> needRestart = new ArrayList<>();

    private ConfigChange() {
    }

    public static ConfigChange between(AgentConfig before, AgentConfig after) {
        ConfigChange change = new ConfigChange();
        change.live("enabled", before.enabled(), after.enabled());
        WritesConfig was = before.writes();
        WritesConfig is = after.writes();
        change.live("writes.on-failure", was.onFailure().yamlName(), is.onFailure().yamlName());
        ReadsConfig wasReading = before.reads();
        ReadsConfig isReading = after.reads();
        // the router reads these per statement; the pool, the shadow executor and the open mismatch log are
        // built once at start
        change.live("reads.route", wasReading.route().yamlName(), isReading.route().yamlName());
        change.live("reads.secondary-percent", wasReading.secondaryPercent(), isReading.secondaryPercent());
        change.live("reads.shadow-percent", wasReading.shadowPercent(), isReading.shadowPercent());
        change.live("reads.read-your-writes-ms", wasReading.readYourWritesMs(), isReading.readYourWritesMs());
        change.live("reads.tables", wasReading.tables(), isReading.tables());
        change.live("reads.sticky", wasReading.sticky().yamlName(), isReading.sticky().yamlName());
        change.live("reads.shadow-max-rows", wasReading.shadowMaxRows(), isReading.shadowMaxRows());
        change.live("reads.mask-values", wasReading.maskValues(), isReading.maskValues());
        change.restart("primary.url-pattern", before.primaryUrlPattern(), after.primaryUrlPattern());
        // primary.url, user, password, driver-jar and properties are not compared: only the verify, repair and
        // backfill commands read them, each run anew, so the running agent has nothing to apply or restart for.
        change.restart("secondary", before.secondary(), after.secondary());
        change.restart("writes.mode", was.mode(), is.mode());
        change.restart("writes.ddl", was.ddl(), is.ddl());
        change.restart("writes.tables", was.tables(), is.tables());
        change.restart("writes.queue-capacity", was.queueCapacity(), is.queueCapacity());
        change.restart("writes.when-full", was.whenFull(), is.whenFull());
        change.restart("writes.shutdown-timeout-ms", was.shutdownTimeoutMs(), is.shutdownTimeoutMs());
        // the setter advice that rewrite mode needs is installed at start only
        change.restart("writes.nondeterministic", was.nondeterministic(), is.nondeterministic());
        change.restart("reads.pool-size", wasReading.poolSize(), isReading.poolSize());
        change.restart("reads.shadow-threads", wasReading.shadowThreads(), isReading.shadowThreads());
        change.restart("reads.shadow-queue-capacity", wasReading.shadowQueueCapacity(),
                isReading.shadowQueueCapacity());
        change.restart("reads.mismatch-log", wasReading.mismatchLog(), isReading.mismatchLog());
        change.restart("journal", before.journal(), after.journal());
        change.restart("metrics", before.metrics(), after.metrics());
        // the translator caches each statement's mapped form; a mapping that changed under it would mix both
        change.restart("mapping", before.mapping(), after.mapping());
        return change;
    }

    private void live(String key, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            applied.add(key + " " + before + " -> " + after);
        }
    }

    private void restart(String key, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            needRestart.add(key);
        }
    }

    /** The changes a running agent applies at once, e.g. {@code writes.on-failure journal -> ignore}. */
    public List<String> applied() {
        return applied;
    }

    /** The keys whose change waits for the next start. */
    public List<String> needRestart() {
        return needRestart;
    }

    public boolean isEmpty() {
        return applied.isEmpty() && needRestart.isEmpty();
    }
}
