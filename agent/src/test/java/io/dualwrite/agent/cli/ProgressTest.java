package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StringWriter shown = new StringWriter();

    private Progress progress(long total, boolean terminal) {
        return new Progress("replay", "records", total, new PrintWriter(shown, true), terminal, now::get);
    }

    private void records(Progress progress, int count, long nanosEach) {
        for (int i = 0; i < count; i++) {
            now.addAndGet(nanosEach);
            progress.recordDone(i + 1);
        }
    }

    @Test
    void offATerminalAPlainLineComesEveryFiveSecondsWithRateAndTimeLeft() {
        Progress progress = progress(100, false);

        records(progress, 10, 1_000_000_000L);
        progress.finish();

        assertThat(shown.toString().split("\\R")).containsExactly(
                "replay: 5/100 records (5%), 1 records/s, 1m35s left",
                "replay: 10/100 records (10%), 1 records/s, 1m30s left");
    }

    @Test
    void onATerminalOneBarIsRedrawnInPlaceAndEndsWithALineEnd() {
        Progress progress = progress(4, true);

        records(progress, 4, 500_000_000L);
        progress.finish();

        String text = shown.toString();
        assertThat(text).doesNotContain("replay:").endsWith(System.lineSeparator());
        assertThat(text.chars().filter(c -> c == '\n')).hasSize(1);
        String[] frames = text.strip().split("\r");
        assertThat(frames[frames.length - 1]).startsWith("[==============================] 4/4 records (100%), 2 records/s");
        assertThat(frames[0]).startsWith("[=======                       ] 1/4 records (25%), 2 records/s, 2s left");
    }

    @Test
    void aBarIsRedrawnAtMostTenTimesASecond() {
        Progress progress = progress(1000, true);

        records(progress, 1000, 1_000_000L);

        assertThat(shown.toString().split("\r")).hasSizeBetween(10, 12);
    }

    @Test
    void aReplayThatHandledNothingOffATerminalPrintsNothing() {
        Progress progress = progress(3, false);

        progress.finish();

        assertThat(shown.toString()).isEmpty();
    }

    @Test
    void timeLeftReadsInSecondsMinutesOrHours() {
        assertThat(Progress.duration(42)).isEqualTo("42s");
        assertThat(Progress.duration(65)).isEqualTo("1m05s");
        assertThat(Progress.duration(3 * 3600 + 7 * 60 + 9)).isEqualTo("3h07m");
    }
}
