package io.dualwrite.agent.cli;

import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.config.JournalConfig;
import io.dualwrite.agent.journal.Damage;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalStats;
import io.dualwrite.agent.journal.RecoveryReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal --config FILE [--json]}: what the journal holds that the secondary does not have yet. */
@Command(name = "journal", separator = " ", sortOptions = false, subcommands = DumpCommand.class,
        description = "Summarise the records pending in the journal: how many, transactions, oldest and newest, "
                + "by table, by failure reason, damage found, dead letters.",
        footer = {"", "The application must be stopped: its agent holds the journal while it runs.",
            "Exit codes: 0 done, 2 the configuration or the journal cannot be read."})
final class JournalCommand implements Callable<Integer> {

    static final String IN_USE = "stop the application to read the journal from the command line";

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure, IOException {
        JournalConfig journalConfig = config.load().journal();
        PrintWriter out = spec.commandLine().getOut();
        if (!JournalAccess.exists(journalConfig)) {
            Snapshot none = new Snapshot(journalConfig, new PendingSummary(), 0, 0, null,
                    deadLetters(journalConfig.deadLetters()));
            out.println(json ? none.json() : none.text());
            return AgentCli.OK;
        }
        try (Journal journal = JournalAccess.open(journalConfig, IN_USE)) {
            PendingSummary pending = PendingSummary.read(journal);
            JournalStats stats = journal.stats();
            Snapshot snapshot = new Snapshot(journalConfig, pending, stats.pendingBytes(), stats.checkpointed(),
                    journal.recovery(), deadLetters(journalConfig.deadLetters()));
            out.println(json ? snapshot.json() : snapshot.text());
        }
        return AgentCli.OK;
    }

    /** Lines in the dead-letter file; -1 when there is none. */
    private static long deadLetters(Path file) throws IOException {
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    lines++;
                }
            }
        } catch (NoSuchFileException none) {
            return -1;
        }
        return lines;
    }

    /** Everything the summary shows; a journal that does not exist has no recovery report. */
    private static final class Snapshot {
        final JournalConfig config;
        final PendingSummary pending;
        final long pendingBytes;
        final long checkpoint;
        final RecoveryReport recovery;
        final long deadLetters;

        Snapshot(JournalConfig config, PendingSummary pending, long pendingBytes, long checkpoint,
                RecoveryReport recovery, long deadLetters) {
            this.config = config;
            this.pending = pending;
            this.pendingBytes = pendingBytes;
            this.checkpoint = checkpoint;
            this.recovery = recovery;
            this.deadLetters = deadLetters;
        }

        String text() {
            StringBuilder text = new StringBuilder("journal ").append(config.dir());
            if (recovery == null) {
                text.append(" does not exist: nothing was ever journaled there");
            }
            line(text, "pending: ");
            if (pending.records == 0) {
                text.append("none (checkpoint ").append(checkpoint).append(')');
            } else {
                text.append(pending.headline()).append(", ").append(bytes(pendingBytes)).append(" on disk");
                line(text, "records: ").append(pending.firstSequence).append(" to ").append(pending.lastSequence)
                        .append(" (checkpoint ").append(checkpoint).append(')');
                line(text, "oldest:  ").append(Instant.ofEpochMilli(pending.oldestMillis));
                line(text, "newest:  ").append(Instant.ofEpochMilli(pending.newestMillis));
                line(text, pending.byTableText());
                line(text, pending.byFailureText());
                if (pending.unreadable > 0) {
                    line(text, "unreadable: ").append(PendingSummary.count(pending.unreadable, "record", "records"))
                            .append(" (replay dead-letters them; journal dump shows them)");
                }
            }
            if (recovery != null) {
                line(text, "damage found on open: ");
                if (recovery.damaged()) {
                    text.append(recovery.bytesIgnored()).append(" bytes ignored, kept aside:");
                    for (Damage damage : recovery.damages()) {
                        line(text, "  ").append(damage);
                    }
                } else {
                    text.append("none");
                }
            }
            line(text, "dead letters: ").append(config.deadLetters());
            text.append(deadLetters < 0 ? " (none yet)"
                    : " (" + PendingSummary.count(deadLetters, "record", "records") + ")");
            return text.toString();
        }

        String json() {
            StringBuilder json = new StringBuilder("{\"journal\":").append(JsonRecord.quote(config.dir().toString()))
                    .append(",\"exists\":").append(recovery != null)
                    .append(",\"checkpoint\":").append(checkpoint)
                    .append(",\"pending\":{\"records\":").append(pending.records)
                    .append(",\"transactions\":").append(pending.transactions)
                    .append(",\"single-writes\":").append(pending.singleWrites)
                    .append(",\"unreadable\":").append(pending.unreadable)
                    .append(",\"writes\":").append(pending.writes)
                    .append(",\"rows\":").append(pending.rows)
                    .append(",\"bytes\":").append(pendingBytes)
                    .append(",\"first-sequence\":").append(pending.records == 0 ? "null" : pending.firstSequence)
                    .append(",\"last-sequence\":").append(pending.records == 0 ? "null" : pending.lastSequence)
                    .append(",\"oldest\":").append(time(pending.oldestMillis))
                    .append(",\"newest\":").append(time(pending.newestMillis))
                    .append("},\"by-table\":{");
            String comma = "";
            for (Map.Entry<String, long[]> table : pending.byTable.entrySet()) {
                json.append(comma).append(JsonRecord.quote(table.getKey())).append(":{\"writes\":")
                        .append(table.getValue()[0]).append(",\"rows\":").append(table.getValue()[1]).append('}');
                comma = ",";
            }
            json.append("},\"by-failure\":{");
            comma = "";
            for (Map.Entry<String, Long> failure : pending.byFailure.entrySet()) {
                json.append(comma).append(JsonRecord.quote(failure.getKey())).append(':').append(failure.getValue());
                comma = ",";
            }
            json.append("},\"damage\":[");
            List<Damage> damages = recovery == null ? List.of() : recovery.damages();
            for (int i = 0; i < damages.size(); i++) {
                json.append(i > 0 ? "," : "").append(JsonRecord.quote(damages.get(i).toString()));
            }
            return json.append("],\"dead-letters\":{\"file\":")
                    .append(JsonRecord.quote(config.deadLetters().toString()))
                    .append(",\"records\":").append(Math.max(0, deadLetters)).append("}}").toString();
        }

        private String time(long millis) {
            return pending.records == 0 ? "null" : JsonRecord.quote(Instant.ofEpochMilli(millis).toString());
        }

        private static StringBuilder line(StringBuilder text, String start) {
            return text.append(System.lineSeparator()).append(start);
        }

        private static String bytes(long n) {
            if (n < 1024) {
                return n + " bytes";
            }
            if (n < 1024 * 1024) {
                return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
            }
            if (n < 1024L * 1024 * 1024) {
                return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
            }
            return String.format(Locale.ROOT, "%.1f GiB", n / (1024.0 * 1024 * 1024));
        }
    }
}
