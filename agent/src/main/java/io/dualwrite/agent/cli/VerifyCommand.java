package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.reconcile.ReconcileTable;
import io.dualwrite.agent.reconcile.Reconciler;
import io.dualwrite.agent.reconcile.TableCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify --config FILE}: whether the secondary holds the same rows as the primary, table by table. */
@Command(name = "verify", separator = " ", sortOptions = false,
        description = "Compare the rows of the primary (primary.url) and the secondary, table by table, and list "
                + "the keys that differ.",
        footer = {"",
            "Rows are matched by the primary key (else a unique key over NOT NULL columns) and compared after "
                + "normalising what differs between databases only in form (numeric scale, boolean vs tinyint, "
                + "timestamp precision, char padding); NULL and an empty string stay different. Rows found "
                + "different are read again before being reported, so a write in flight is not taken for drift. "
                + "Each side is read in key order, a chunk per query, so memory does not grow with the tables.",
            "Exit codes: 0 equal, 1 differences found, 2 error (or a table that could not be compared)."})
final class VerifyCommand implements Callable<Integer> {

    static final int DIFFERENT = 1;

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Mixin
    ReconcileOptions options;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write every differing key to this JSON "
            + "file (readable by its owner only; no value but the keys').")
    Path reportFile;

    @Mixin
    IgnoredColumnsOption ignored;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure, IOException, InterruptedException {
        AgentConfig loaded = config.load();
        try (ReconcileRun run = ReconcileRun.start("verify", config, options.selection(loaded, ignored.columns), loaded,
                spec.commandLine().getOut(), spec.commandLine().getErr(), "stopping after the chunk being compared");
                VerifyReport report = reportFile == null ? null : VerifyReport.create(reportFile,
                        run.databases.primary.toString(), run.databases.secondary.toString())) {
            Reconciler reconciler = new Reconciler(run.databases.primary, run.databases.secondary, options.chunkSize,
                    run::stopRequested);
            run.out.println("verify: " + run.databases.primary + " (primary) against " + run.databases.secondary
                    + " (secondary), " + PendingSummary.count(run.tables.size(), "table", "tables"));
            Outcome outcome = new Outcome();
            for (ReconcileTable table : run.tables) {
                if (!verify(table, reconciler, run, report, outcome)) {
                    break;
                }
            }
            return outcome.conclude(run, report, config.file);
        }
    }

    /** @return false when stopped */
    private boolean verify(ReconcileTable table, Reconciler reconciler, ReconcileRun run, VerifyReport report,
            Outcome outcome) throws IOException, InterruptedException {
        if (table.problem() != null) {
            run.tableFailed(table.name(), "not compared: " + table.problem());
            if (report != null) {
                report.tableError(table.name(), table.problem(), false);
            }
            outcome.errors++;
            return true;
        }
        if (table.unmatchedColumns() != null) {
            run.out.println(table.name() + ": not compared, columns " + table.unmatchedColumns());
        }
        TableCounts counts = new TableCounts();
        ShownDifferences shown = new ShownDifferences();
        if (report != null) {
            report.startTable(table);
        }
        boolean complete;
        try {
            Progress progress = run.progress(table.name(), "rows", reconciler.primaryRows(table));
            try {
                complete = reconciler.verify(table, counts, progress::add, difference -> {
                    shown.add(ShownDifferences.line(difference.kind().label(), difference));
                    if (report != null) {
                        report.difference(difference);
                    }
                });
            } finally {
                progress.finish();
            }
        } catch (SQLException e) {
            String why = "failed: " + ReconcileDatabases.describe(e);
            run.tableFailed(table.name(), why);
            if (report != null) {
                report.tableError(table.name(), why, true);
            }
            outcome.errors++;
            return true;
        }
        run.out.println(table.name() + ": " + summary(counts));
        shown.print(run.out, report != null);
        if (report != null) {
            report.endTable(counts, complete);
        }
        outcome.add(counts);
        outcome.stopped = !complete;
        return complete;
    }

    static String summary(TableCounts counts) {
        String compared = counts.compared() + " rows compared";
        if (counts.differences() == 0) {
            return compared + ", equal";
        }
        return compared + ", " + counts.missing() + " missing on the secondary, " + counts.extra()
                + " extra on the secondary, " + counts.different() + " different";
    }

    /** What the whole verification found, and how it ends. */
    private static final class Outcome {
        long differences;
        int differingTables;
        int errors;
        boolean stopped;

        void add(TableCounts counts) {
            differences += counts.differences();
            differingTables += counts.differences() > 0 ? 1 : 0;
        }

        int conclude(ReconcileRun run, VerifyReport report, Path configFile) throws IOException {
            String result = stopped || errors > 0 ? "error" : differences > 0 ? "different" : "equal";
            if (report != null) {
                report.finish(result);
            }
            if (stopped) {
                run.out.println("stopped: verify was interrupted before the end, so nothing is proven; run it again");
                return AgentCli.FAILED;
            }
            String found = PendingSummary.count(differences, "differing key", "differing keys") + " in "
                    + differingTables + " of " + PendingSummary.count(run.tables.size(), "table", "tables");
            if (errors > 0) {
                run.out.println("result: " + found + "; " + PendingSummary.count(errors, "table", "tables")
                        + " could not be compared");
                return AgentCli.FAILED;
            }
            if (differences > 0) {
                run.out.println("result: " + found + "; repair --config " + configFile
                        + " makes the secondary equal the primary");
                return DIFFERENT;
            }
            run.out.println("result: equal: every compared table holds the same rows on both sides");
            return AgentCli.OK;
        }
    }
}
