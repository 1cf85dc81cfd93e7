package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.reconcile.Backfill;
import io.dualwrite.agent.reconcile.BackfillCounts;
import io.dualwrite.agent.reconcile.ReconcileTable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backfill --config FILE --tables ...}: copies the rows the secondary lacks, resumably. */
@Command(name = "backfill", separator = " ", sortOptions = false,
        description = "Copy rows from the primary into the secondary, in key order, inserting only the rows the "
                + "secondary does not have.",
        footer = {"",
            "A row already on the secondary (put there by the dual writes) is never overwritten. After each chunk a "
                + "checkpoint is written under <journal.dir>/backfill, so a backfill that was stopped (Ctrl-C, a "
                + "crash) resumes where it was by running the same command again. Safe while the application "
                + "writes; rows it changes during the backfill are set right by repair afterwards.",
            "Exit codes: 0 done, 2 stopped early or failed (run it again to resume)."})
final class BackfillCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Mixin
    ReconcileOptions options;

    @Option(names = "--max-rows-per-second", paramLabel = "N", defaultValue = "0",
            description = "Copy at most this many rows per second (default: no limit).")
    long maxRowsPerSecond;

    @Option(names = "--restart", description = "Ignore the tables' checkpoints and copy them from their start "
            + "(rows already there are still skipped).")
    boolean restart;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure, IOException, InterruptedException {
        if (options.tables.isEmpty()) {
            throw new CommandFailure("backfill needs --tables: name the tables to copy (verify lists the differing "
                    + "ones)");
        }
        if (maxRowsPerSecond < 0) {
            throw new CommandFailure("--max-rows-per-second " + maxRowsPerSecond + " is negative");
        }
        AgentConfig loaded = config.load();
        try (ReconcileRun run = ReconcileRun.start("backfill", config,
                options.selection(loaded, Collections.emptyList()), loaded, spec.commandLine().getOut(),
                spec.commandLine().getErr(), "stopping after the chunk being copied and writing the checkpoint")) {
            String unwritable = run.databases.secondary.unwritable();
            if (unwritable != null) {
                throw new CommandFailure(unwritable);
            }
            Path checkpoints = loaded.journal().dir().resolve("backfill");
            Backfill backfill = new Backfill(run.databases.primary, run.databases.secondary, checkpoints,
                    options.chunkSize, maxRowsPerSecond, run::stopRequested);
            run.out.println("backfill: " + run.databases.primary + " (primary) into " + run.databases.secondary
                    + " (secondary)");
            int done = 0;
            int failed = 0;
            for (ReconcileTable table : run.tables) {
                if (table.problem() != null) {
                    run.tableFailed(table.name(), "not copied: " + table.problem());
                    failed++;
                    continue;
                }
                Boolean complete = copy(table, backfill, run);
                if (complete == null) {
                    failed++;
                } else if (!complete) {
                    run.out.println("stopped: run the same command again to resume from the checkpoint");
                    return AgentCli.FAILED;
                } else {
                    done++;
                }
            }
            if (failed > 0) {
                run.out.println("result: " + PendingSummary.count(done, "table", "tables") + " backfilled, "
                        + failed + " failed; run the same command again to resume");
                return AgentCli.FAILED;
            }
            run.out.println("done: " + PendingSummary.count(done, "table", "tables") + " backfilled");
            return AgentCli.OK;
        }
    }

    /** @return true when the table is copied, false when stopped, null when it failed */
    private Boolean copy(ReconcileTable table, Backfill backfill, ReconcileRun run)
            throws IOException, InterruptedException {
        BackfillCounts counts = new BackfillCounts();
        Progress progress = run.progress(table.name(), "rows", 0);
        boolean complete;
        try {
            complete = backfill.copy(table, restart, counts, progress::total, progress::add);
        } catch (SQLException e) {
            run.tableFailed(table.name(), "failed: " + ReconcileDatabases.describe(e) + "; " + counts.read()
                    + " rows read before");
            return null;
        } catch (IOException e) {
            run.tableFailed(table.name(), "failed: " + e.getMessage());
            return null;
        } finally {
            progress.finish();
        }
        if (counts.alreadyDone()) {
            run.out.println(table.name() + ": already backfilled (checkpoint " + counts.checkpointFile()
                    + "); --restart copies it again");
            return true;
        }
        if (counts.resumedAfter() != null) {
            run.out.println(table.name() + ": resuming after " + counts.resumedAfter() + " (" + counts.readBefore()
                    + " rows read before)");
        }
        run.out.println(table.name() + ": " + counts.read() + " rows read, " + counts.copied() + " copied, "
                + counts.alreadyThere() + " already on the secondary");
        return complete;
    }
}
