package io.dualwrite.agent.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one logger, named {@code dualwrite}, writing single lines to stderr through its own (relocated)
 * SLF4J Simple, so that neither the application's logging set-up nor its SLF4J version affect it.
 */
public final class AgentLog {

    /** SLF4J Simple's keys; the build relocates SLF4J, and with it these names, so the application's own settings stay apart. */
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private AgentLog() {
    }

    public static Logger get() {
        setDefault("logFile", "System.err");
        setDefault("showThreadName", "false");
        setDefault("showLogName", "true");
        setDefault("showShortLogName", "false");
        setDefault("levelInBrackets", "true");
        setDefault("defaultLogLevel", "info");
        return LoggerFactory.getLogger("dualwrite");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
