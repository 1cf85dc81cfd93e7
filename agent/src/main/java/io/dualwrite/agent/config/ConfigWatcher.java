package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * Reads the configuration file again every interval and, when its text changed, applies what a running agent
 * can: a valid file's live keys at once, logged as one line of changes, and a line naming the keys that wait
 * for a restart; an invalid file is reported once and changes nothing. Polls rather than watching the
 * directory, since editors replace files and mounted config maps swap symlinks, which watches can miss.
 */
public final class ConfigWatcher {

    /** Applies a valid new configuration's live keys. */
    public interface Listener {
        void apply(AgentConfig config);
    }

    private final Path file;
    private final Listener listener;
    private final Logger log;
    private final long intervalNanos;
    private final Thread thread;
    private AgentConfig current;
    private String lastText;
    private String lastProblem;

    public ConfigWatcher(Path file, AgentConfig current, Listener listener, Logger log, long intervalMillis) {
        this.file = file;
        this.current = current;
        this.listener = listener;
        this.log = log;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = new Thread(this::run, "dualwrite-config-watcher");
        thread.setDaemon(true);
    }

    /** Takes the file as it is now as the one the agent runs with, then watches it. */
    public void start() {
        lastText = textOrNull();
        thread.start();
    }

    private void run() {
        while (true) {
            LockSupport.parkNanos(this, intervalNanos);
            checkOnce();
        }
    }

    /** Reads the file; applies and logs what changed since the last reading. */
    void checkOnce() {
        String text;
        try {
            text = ConfigFile.read(file, null);
        } catch (ConfigException e) {
            report(e.getMessage());
            return;
        }
        if (text.equals(lastText)) {
            return;
        }
        lastText = text;
        AgentConfig next;
        try {
            next = ConfigLoader.load(file);
        } catch (ConfigException e) {
            report(e.getMessage());
            return;
        }
        if (lastProblem != null) {
            log.info("the configuration file {} is valid again", file);
            lastProblem = null;
        }
        ConfigChange change = ConfigChange.between(current, next);
        if (!change.applied().isEmpty()) {
            listener.apply(next);
            log.info("configuration reloaded from {}: {}", file, String.join("; ", change.applied()));
        }
        if (!change.needRestart().isEmpty()) {
            log.warn("{} changed {}: taken at the next start of the application", file,
                    String.join(", ", change.needRestart()));
        }
        current = next;
    }

    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            log.error("configuration error: {}; the edit is ignored and the configuration in force stays", problem);
            lastProblem = problem;
        }
    }

    private String textOrNull() {
        try {
            return ConfigFile.read(file, null);
        } catch (ConfigException e) {
            return null;
        }
    }
}
