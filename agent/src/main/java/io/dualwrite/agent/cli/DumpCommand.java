package io.dualwrite.agent.cli;

import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.config.JournalConfig;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalCursor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code journal dump --config FILE [--limit N]}: the pending records themselves, for people and tools. */
@Command(name = "dump", separator = " ", sortOptions = false,
        description = "Print the pending records as JSON lines, in order, with their SQL and bound values.",
        footer = {"",
            "Each line holds sequence, time, connection, failure and the writes: SQL, and setter, type and value of "
                + "every bound value. A record that cannot be read is one line with \"unreadable\" and the reason. "
                + "The journal holds the application's values and is readable by its owner only; treat what this "
                + "prints the same way.",
            "The application must be stopped: its agent holds the journal while it runs.",
            "Exit codes: 0 done, 2 the configuration or the journal cannot be read."})
final class DumpCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @ParentCommand
    JournalCommand journal;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N records (the oldest).")
    Long limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure, IOException {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
        }
        JournalConfig journalConfig = journal.config.load().journal();
        if (!JournalAccess.exists(journalConfig)) {
            spec.commandLine().getErr().println("journal " + journalConfig.dir()
                    + " does not exist: nothing was ever journaled there");
            return AgentCli.OK;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Journal journal = JournalAccess.open(journalConfig, JournalCommand.IN_USE);
                JournalCursor pending = journal.pending()) {
            JournalAccess.reportDamage(journal.recovery(), spec.commandLine().getErr());
            long left = limit == null ? Long.MAX_VALUE : limit;
            // a reader that went away (| head) leaves nothing to print for
            while (left-- > 0 && !out.checkError() && pending.next()) {
                out.println(line(pending.sequence(), pending.timestampMillis(), pending.payload()));
            }
        }
        return AgentCli.OK;
    }

    private static String line(long sequence, long timestampMillis, byte[] payload) {
        try {
            return JsonRecord.render(sequence, timestampMillis, WriteCodec.decode(payload), null, null);
        } catch (IOException unreadable) {
            return JsonRecord.render(sequence, timestampMillis,
                    new UnappliedWrites("unknown", "unreadable record", List.of()), "unreadable",
                    unreadable.getMessage());
        }
    }
}
