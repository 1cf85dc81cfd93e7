package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.JournalConfig;
import io.dualwrite.agent.journal.Damage;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalInUseException;
import io.dualwrite.agent.journal.RecoveryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;

/** Opening the journal a configuration names, with errors that say what to do. */
final class JournalAccess {

    private JournalAccess() {
    }

    /**
     * Whether the journal's directory exists. Commands check this first, since opening a journal creates its
     * directory, and a command that only reads must not leave an empty journal behind a mistyped path.
     */
    static boolean exists(JournalConfig config) {
        return Files.isDirectory(config.dir());
    }

    /** @param whenInUse what to do when a running application holds the journal, for this command */
    static Journal open(JournalConfig config, String whenInUse) throws CommandFailure {
        try {
            return Journal.open(config.dir(), config.options());
        } catch (JournalInUseException e) {
            throw new CommandFailure("the journal " + config.dir() + " is in use by a running application; "
                    + whenInUse);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("the journal " + config.dir() + " cannot be opened (no access to " + e.getFile()
                    + "); its files are readable by their owner only: run this as the user the application runs as");
        } catch (IOException e) {
            throw new CommandFailure("the journal " + config.dir() + " cannot be opened: " + e.getMessage());
        }
    }

    /** Damage that opening found and set aside; nothing when there was none. */
    static void reportDamage(RecoveryReport recovery, PrintWriter out) {
        if (!recovery.damaged()) {
            return;
        }
        out.println("damage found on open: " + recovery.bytesIgnored() + " bytes ignored, kept aside:");
        for (Damage damage : recovery.damages()) {
            out.println("  " + damage);
        }
    }
}
