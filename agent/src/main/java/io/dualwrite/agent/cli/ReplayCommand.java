package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.JournalConfig;
import io.dualwrite.agent.config.SecondaryConfig;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.mirror.SecondaryDriver;
import io.dualwrite.agent.replay.DeadLetters;
import io.dualwrite.agent.replay.GroupLimits;
import io.dualwrite.agent.replay.ReplayResult;
import io.dualwrite.agent.replay.Replayer;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.write.Watchdog;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay --config FILE}: applies the journal's pending records to the secondary. */
@Command(name = "replay", separator = " ", sortOptions = false,
        description = "Apply the pending records to the secondary, in their original order, each transaction as "
                + "one transaction.",
        footer = {"",
            "A record the secondary refuses for a permanent reason (a constraint, the syntax, a value) goes to the "
                + "dead-letter file <journal dir>/dead-letters.jsonl with the reason, and replay goes on (or stops "
                + "there, with --stop-on-error). A failure that may pass (the secondary is down, a timeout) stops "
                + "replay with the record still pending. What was applied is checkpointed, so replaying again "
                + "applies nothing twice; Ctrl-C stops once the records being applied are done, checkpoint written.",
            "The application must be stopped: its agent holds the journal, and replays it by itself, while it runs.",
            "Exit codes: 0 all applied, 1 some dead-lettered, 2 stopped early or failed (what was not applied stays "
                + "pending)."})
final class ReplayCommand implements Callable<Integer> {

    static final String IN_USE = "its agent replays it by itself; stop the application to replay from the command line";

    /** A shutdown waits this much longer than one statement may take for the replay to end. */
    private static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Option(names = "--dry-run", description = "Print what would be applied (records, by table) and change nothing.")
    boolean dryRun;

    @Option(names = "--stop-on-error", description = "Stop at the first record the secondary refuses, leaving it "
            + "pending, instead of dead-lettering it.")
    boolean stopOnError;

    @Option(names = "--driver-jar", paramLabel = "PATH", description = "The secondary's JDBC driver jar; "
            + "overrides secondary.driver-jar. One of them is needed: under java -jar there is no application "
            + "class path to find a driver on.")
    Path driverJar;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure, IOException {
        AgentConfig loaded = config.load();
        JournalConfig journalConfig = loaded.journal();
        SecondaryConfig secondary = loaded.secondary();
        if (secondary == null) {
            throw new CommandFailure(config.file + " has no secondary section: replay needs secondary.url to know "
                    + "where to apply the records");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!JournalAccess.exists(journalConfig)) {
            out.println("nothing to replay: the journal " + journalConfig.dir()
                    + " does not exist (nothing was ever journaled there)");
            return AgentCli.OK;
        }
        try (Journal journal = JournalAccess.open(journalConfig, IN_USE)) {
            JournalAccess.reportDamage(journal.recovery(), spec.commandLine().getErr());
            long total = journal.stats().pendingRecords();
            if (total == 0) {
                out.println("nothing to replay: the journal " + journalConfig.dir() + " has no pending record");
                return AgentCli.OK;
            }
            if (dryRun) {
                return dryRun(journal, secondary, out);
            }
            return replay(journal, total, secondary, journalConfig, StatementTranslator.of(loaded), out);
        }
    }

    private int dryRun(Journal journal, SecondaryConfig secondary, PrintWriter out) throws IOException {
        PendingSummary pending = PendingSummary.read(journal);
        out.println("dry run: replay would apply " + pending.headline() + " to " + secondary.redactedUrl());
        out.println(pending.byTableText());
        if (pending.unreadable > 0) {
            out.println(PendingSummary.count(pending.unreadable, "record cannot be read and would be",
                    "records cannot be read and would be") + " dead-lettered");
        }
        out.println("nothing was changed and the secondary was not contacted");
        return AgentCli.OK;
    }

    private int replay(Journal journal, long total, SecondaryConfig secondary, JournalConfig journalConfig,
            StatementTranslator translator, PrintWriter out) throws CommandFailure, IOException {
        ReplaySecondary connections = new ReplaySecondary(driver(secondary), secondary);
        DriverManager.setLoginTimeout((int) Math.max(1, (secondary.connectTimeoutMs() + 999L) / 1000));
        DeadLetters deadLetters = new DeadLetters(journalConfig.deadLetters());
        int timeoutSeconds = (int) Math.max(1, (secondary.statementTimeoutMs() + 999L) / 1000);
        Replayer replayer = new Replayer(journal, connections, deadLetters, timeoutSeconds, GroupLimits.DEFAULT,
                Watchdog.NONE, translator);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress("replay", "records", total, err, Progress.onTerminal(), System::nanoTime);
        out.println("replaying " + PendingSummary.count(total, "record", "records") + " to "
                + secondary.redactedUrl());
        ReplayResult result;
        try (InterruptGuard guard = InterruptGuard.install("replay",
                "stopping after the records being applied and writing the checkpoint", replayer::stop,
                secondary.statementTimeoutMs() + SHUTDOWN_GRACE_MILLIS, err)) {
            try {
                result = replayer.replay(stopOnError, progress);
            } finally {
                progress.finish();
            }
            printResult(result, deadLetters, connections, out);
        }
        return result.exitCode();
    }

    private Driver driver(SecondaryConfig secondary) throws CommandFailure {
        Optional<Path> jar = driverJar != null ? Optional.of(driverJar) : secondary.driverJar();
        if (driverJar != null && !Files.isRegularFile(driverJar)) {
            throw new CommandFailure("--driver-jar " + driverJar + ": no such file");
        }
        try {
            return new SecondaryDriver(secondary.url(), jar).get();
        } catch (MalformedURLException | SQLException notFound) {
            throw new CommandFailure("no JDBC driver for " + secondary.redactedUrl() + " was found"
                    + jar.map(path -> " in " + path).orElse("") + "; give the secondary's driver jar with "
                    + "--driver-jar PATH or secondary.driver-jar in " + config.file);
        }
    }

    private static void printResult(ReplayResult result, DeadLetters deadLetters, ReplaySecondary connections,
            PrintWriter out) {
        out.println("applied: " + PendingSummary.count(result.applied(), "record", "records")
                + (result.alreadyApplied() > 0 ? " (" + result.alreadyApplied() + " found on the secondary already: "
                + "an earlier attempt whose connection was lost as it committed had stood)" : ""));
        if (result.deadLettered() > 0) {
            out.println("dead-lettered: " + PendingSummary.count(result.deadLettered(), "record", "records")
                    + ", written to " + deadLetters.file() + " with the reason of each");
        }
        if (result.stoppedBecause() == null) {
            out.println("done: every pending record was handled");
            return;
        }
        out.println("stopped: " + result.stoppedBecause());
        String advice = connections.connectionAdvice();
        if (advice != null) {
            out.println(advice);
        }
    }
}
