package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.reconcile.Difference;
import io.dualwrite.agent.reconcile.ReconcileTable;
import io.dualwrite.agent.reconcile.Reconciler;
import io.dualwrite.agent.reconcile.RepairCounts;
import io.dualwrite.agent.reconcile.TableCounts;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code repair --config FILE}: makes the secondary's differing rows equal to the primary's. */
@Command(name = "repair", separator = " ", sortOptions = false,
        description = "Find the rows that differ as verify does, and make the secondary equal the primary: insert "
                + "the missing, update the different, delete the extra.",
        footer = {"",
            "Each batch of keys is repaired in one secondary transaction that first locks the secondary's rows, then "
                + "reads the primary's current rows and writes those: a row the application changes meanwhile is "
                + "never overwritten with older data. The repaired keys are read again at the end.",
            "Exit codes: 0 the secondary equals the primary for every repaired key (or nothing differed), 1 some "
                + "keys still differ (or, with --dry-run, some would be repaired), 2 error."})
final class RepairCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Mixin
    ReconcileOptions options;

    @Mixin
    IgnoredColumnsOption ignored;

    @Option(names = "--dry-run", description = "Print what would be repaired and change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure, IOException, InterruptedException {
        AgentConfig loaded = config.load();
        try (ReconcileRun run = ReconcileRun.start("repair", config, options.selection(loaded, ignored.columns),
                loaded, spec.commandLine().getOut(), spec.commandLine().getErr(),
                "stopping after the batch being repaired")) {
            String unwritable = run.databases.secondary.unwritable();
            if (unwritable != null && !dryRun) {
                throw new CommandFailure(unwritable);
            }
            Reconciler reconciler = new Reconciler(run.databases.primary, run.databases.secondary, options.chunkSize,
                    run::stopRequested);
            run.out.println((dryRun ? "repair (dry run): " : "repair: ") + run.databases.primary + " (primary) into "
                    + run.databases.secondary + " (secondary)");
            Totals totals = new Totals();
            ShownDifferences stillDifferent = new ShownDifferences();
            for (ReconcileTable table : run.tables) {
                if (table.problem() != null) {
                    run.tableFailed(table.name(), "not repaired: " + table.problem());
                    totals.errors++;
                } else if (!repair(table, reconciler, run, totals, stillDifferent)) {
                    run.out.println("stopped: the batches repaired so far are committed; run repair again to go on");
                    return AgentCli.FAILED;
                }
            }
            return conclude(run, totals, stillDifferent);
        }
    }

    /** @return false when stopped */
    private boolean repair(ReconcileTable table, Reconciler reconciler, ReconcileRun run, Totals totals,
            ShownDifferences stillDifferent) throws IOException, InterruptedException {
        TableCounts found = new TableCounts();
        RepairCounts repaired = new RepairCounts();
        ShownDifferences plan = new ShownDifferences();
        boolean complete;
        try {
            Progress progress = run.progress(table.name(), "rows", reconciler.primaryRows(table));
            try {
                complete = dryRun
                        ? reconciler.verify(table, found, progress::add,
                                difference -> plan.add(ShownDifferences.line(action(difference), difference)))
                        : reconciler.repair(table, found, repaired, progress::add,
                                difference -> stillDifferent.add(table.name() + " "
                                        + ShownDifferences.line(difference.kind().label(), difference)));
            } finally {
                progress.finish();
            }
        } catch (SQLException e) {
            run.tableFailed(table.name(), "failed: " + ReconcileDatabases.describe(e));
            totals.errors++;
            return true;
        }
        totals.found += found.differences();
        totals.stillDifferent += repaired.stillDifferent();
        if (found.differences() == 0) {
            run.out.println(table.name() + ": equal, nothing to repair");
        } else if (dryRun) {
            run.out.println(table.name() + ": would insert " + found.missing() + ", update " + found.different()
                    + ", delete " + found.extra());
            plan.print(run.out, false);
        } else {
            run.out.println(table.name() + ": " + repaired.inserted() + " inserted, " + repaired.updated()
                    + " updated, " + repaired.deleted() + " deleted" + (repaired.unchanged() == 0 ? ""
                    : ", " + repaired.unchanged() + " left as they were (equal when read again under lock)"));
        }
        return complete;
    }

    private static String action(Difference difference) {
        switch (difference.kind()) {
            case MISSING:
                return "insert";
            case EXTRA:
                return "delete";
            default:
                return "update";
        }
    }

    private int conclude(ReconcileRun run, Totals totals, ShownDifferences stillDifferent) {
        if (dryRun) {
            run.out.println("dry run: nothing was changed");
            return totals.errors > 0 ? AgentCli.FAILED : totals.found > 0 ? VerifyCommand.DIFFERENT : AgentCli.OK;
        }
        if (totals.stillDifferent > 0) {
            run.out.println("verify of the repaired keys: " + PendingSummary.count(totals.stillDifferent,
                    "key still differs", "keys still differ") + " (written again meanwhile, or refused a write)");
            stillDifferent.print(run.out, false);
        } else {
            run.out.println("verify of the repaired keys: equal");
        }
        if (totals.errors > 0) {
            run.out.println("result: " + PendingSummary.count(totals.errors, "table", "tables") + " could not be "
                    + "repaired");
            return AgentCli.FAILED;
        }
        return totals.stillDifferent > 0 ? VerifyCommand.DIFFERENT : AgentCli.OK;
    }

    private static final class Totals {
        long found;
        long stillDifferent;
        int errors;
    }
}
