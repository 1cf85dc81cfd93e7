package io.dualwrite.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/** The instrumentation while it is built on a thread of its own; see {@link JdbcInstrumentation#prepare}. */
public final class PendingInstrumentation {

    private final FutureTask<Consumer<Instrumentation>> build;

    private PendingInstrumentation(FutureTask<Consumer<Instrumentation>> build) {
        this.build = build;
    }

    static PendingInstrumentation start(Callable<Consumer<Instrumentation>> build) {
        FutureTask<Consumer<Instrumentation>> task = new FutureTask<>(build);
        Thread thread = new Thread(task, "dualwrite-instrumentation");
        // a start that fails elsewhere leaves it to finish on its own, never holding the JVM up
        thread.setDaemon(true);
        thread.start();
        return new PendingInstrumentation(task);
    }

    /** Waits for the build, then instruments from now on; throws what the build threw. */
    public void installOn(Instrumentation inst) throws Exception {
        Consumer<Instrumentation> installation;
        try {
            installation = build.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
        installation.accept(inst);
    }
}
