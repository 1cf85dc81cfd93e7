package io.dualwrite.agent.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalCursor;
import io.dualwrite.agent.journal.JournalOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacklogTest {

    @TempDir
    Path dir;

    private Journal open() throws IOException {
        return Journal.open(dir, JournalOptions.defaults().withFsync(FsyncMode.NEVER));
    }

    private static List<byte[]> records(String... texts) {
        List<byte[]> records = new ArrayList<>();
        for (String text : texts) {
            records.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    /** Replays by moving the checkpoint past everything on disk, returning what it read. */
    private static List<String> replayAll(Journal journal) throws IOException {
        List<String> read = new ArrayList<>();
        long last = journal.checkpointed();
        try (JournalCursor cursor = journal.pending()) {
            while (cursor.next()) {
                read.add(new String(cursor.payload(), StandardCharsets.UTF_8));
                last = cursor.sequence();
            }
        }
        journal.checkpoint(last);
        return read;
    }

    @Test
    void aClosedBacklogTakesNothingAndAnOpenedOneTakesEverythingInOrder() throws IOException {
        try (Journal journal = open()) {
            Backlog backlog = new Backlog(journal);
            assertThat(backlog.isOpen()).isFalse();
            assertThat(backlog.appendIfOpen(records("ignored"))).isFalse();

            backlog.openWith(records("failed"));
            assertThat(backlog.appendIfOpen(records("next", "after"))).isTrue();

            assertThat(backlog.isOpen()).isTrue();
            assertThat(replayAll(journal)).containsExactly("failed", "next", "after");
        }
    }

    @Test
    void itClosesOnlyOnceTheCatchUpLeftNothingPending() throws IOException {
        try (Journal journal = open()) {
            Backlog backlog = new Backlog(journal);
            backlog.openWith(records("a"));

            assertThat(backlog.closeIfCaughtUp(() -> { })).as("closed with a record pending").isFalse();
            assertThat(backlog.closeIfCaughtUp(() -> replayAll(journal))).isTrue();
            assertThat(backlog.isOpen()).isFalse();
            assertThat(backlog.hasPending()).isFalse();
        }
    }

    @Test
    void aJournalLeftWithPendingRecordsOpensTheBacklogAtStart() throws IOException {
        try (Journal journal = open()) {
            new Backlog(journal).openWith(records("left over"));
        }
        try (Journal journal = open()) {
            assertThat(new Backlog(journal).isOpen()).isTrue();
        }
    }

    @Test
    void noWriteAppendedWhileTheBacklogClosesIsLeftBehind() throws Exception {
        try (Journal journal = open()) {
            Backlog backlog = new Backlog(journal);
            backlog.openWith(records("first"));
            AtomicBoolean stop = new AtomicBoolean();
            List<String> appended = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread appender = new Thread(() -> {
                started.countDown();
                for (int i = 0; !stop.get(); i++) {
                    try {
                        if (backlog.appendIfOpen(records("w" + i))) {
                            appended.add("w" + i);
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            appender.start();
            started.await();
            List<String> replayed = new ArrayList<>();
            while (!backlog.closeIfCaughtUp(() -> replayed.addAll(replayAll(journal)))) {
                replayed.addAll(replayAll(journal));
            }
            stop.set(true);
            appender.join();

            List<String> expected = new ArrayList<>(List.of("first"));
            expected.addAll(appended);
            assertThat(replayed).as("records replayed before the backlog closed").isEqualTo(expected);
            assertThat(backlog.hasPending()).isFalse();
        }
    }
}
