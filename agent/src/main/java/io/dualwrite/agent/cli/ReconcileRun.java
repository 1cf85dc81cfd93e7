package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.reconcile.ReconcileTable;
import io.dualwrite.agent.reconcile.TableSelection;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What verify, repair and backfill do around their work on each table: connect to both databases, resolve the
 * tables, show progress on stderr, and stop cleanly on Ctrl-C after the chunk in hand.
 */
final class ReconcileRun implements AutoCloseable {

    /** Ctrl-C waits this long for the chunk in hand to be done. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    final ReconcileDatabases databases;
    final List<ReconcileTable> tables;
    final PrintWriter out;
    final PrintWriter err;
    private final String command;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final InterruptGuard guard;

    private ReconcileRun(String command, ReconcileDatabases databases, List<ReconcileTable> tables, PrintWriter out,
            PrintWriter err, String stopping) {
        this.command = command;
        this.databases = databases;
        this.tables = tables;
        this.out = out;
        this.err = err;
        this.guard = InterruptGuard.install(command, stopping, () -> stopRequested.set(true), STOP_WAIT_MILLIS, err);
    }

    /** @param stopping what the command does on Ctrl-C before it ends, for the message */
    static ReconcileRun start(String command, ConfigOption config, TableSelection selection, AgentConfig loaded,
            PrintWriter out, PrintWriter err, String stopping) throws CommandFailure {
        ReconcileDatabases databases = ReconcileDatabases.connect(loaded, config.file, command);
        try {
            List<ReconcileTable> tables = selection.resolve(databases.primary, databases.secondary);
            return new ReconcileRun(command, databases, tables, out, err, stopping);
        } catch (SQLException e) {
            throw new CommandFailure("reading the tables' definitions failed: " + ReconcileDatabases.describe(e));
        }
    }

    boolean stopRequested() {
        return stopRequested.get();
    }

    Progress progress(String table, String unit, long total) {
        return new Progress(command + ": " + table, unit, total, err, Progress.onTerminal(), System::nanoTime);
    }

    /** The line for a table that cannot be worked on, or whose work failed; counted as an error. */
    void tableFailed(String table, String why) {
        out.println(table + ": " + why);
    }

    @Override
    public void close() {
        guard.close();
    }
}
