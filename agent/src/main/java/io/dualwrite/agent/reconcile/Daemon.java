package io.dualwrite.agent.reconcile;

import java.util.concurrent.ThreadFactory;

/** Threads of the commands' own that never keep the JVM alive once the command has ended. */
final class Daemon {

    private Daemon() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
