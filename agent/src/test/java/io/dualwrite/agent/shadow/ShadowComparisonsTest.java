package io.dualwrite.agent.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.log.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowComparisonsTest {

    private final Counts counts = new Counts();
    private final RecordingLogger logger = new RecordingLogger();

    @TempDir
    Path dir;

    private ShadowComparisons comparisons;

    @AfterEach
    void close() {
        if (comparisons != null) {
            comparisons.close();
        }
    }

    @Test
    void equalResultsAreCountedMatchedAndLogNothing() throws Exception {
        comparisons = start(2, 10);
        comparisons.submit(read(ids(1, 2), (sql, params, maxRows) -> ids(1, 2)));

        await(() -> counts.matched.get(), 1);
        assertThat(counts.mismatched.get()).isZero();
        assertThat(dir.resolve("mismatches.jsonl")).doesNotExist();
    }

    @Test
    void differingResultsAreCountedAndLogged() throws Exception {
        comparisons = start(2, 10);
        comparisons.submit(read(ids(1, 2), (sql, params, maxRows) -> ids(1, 3)));

        await(() -> counts.mismatched.get(), 1);
        await(() -> (int) Files.lines(dir.resolve("mismatches.jsonl")).count(), 1);
        assertThat(Files.readString(dir.resolve("mismatches.jsonl"))).contains("\"kind\":\"VALUE\"", "\"row\":1");
    }

    @Test
    void theQueryRunsOnTheSecondaryWithTheBoundValues() throws Exception {
        try (Connection secondary = DriverManager.getConnection("jdbc:h2:mem:shadow;DB_CLOSE_DELAY=-1");
             Statement ddl = secondary.createStatement()) {
            ddl.execute("CREATE TABLE items (id BIGINT, active BOOLEAN)");
            ddl.execute("INSERT INTO items VALUES (1, TRUE), (2, FALSE), (3, TRUE)");
            comparisons = start(1, 10);
            SecondaryQuery onH2 = (sql, params, maxRows) -> {
                try (PreparedStatement statement = secondary.prepareStatement(sql)) {
                    for (Parameter parameter : params) {
                        parameter.bind(statement);
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        return RowsCopy.readAll(rs, maxRows);
                    }
                }
            };
            Parameter active = Parameter.restore(Setter.forKey("setBoolean(IZ)V"), new Object[] {1, true});
            RowsCopy primaryRows = fill(RowsCopy.builder(List.of("id", "active"), new int[] {Types.INTEGER, Types.TINYINT},
                    new int[2], 10), new Object[] {3, 1}, new Object[] {1, 1});

            comparisons.submit(new ShadowRead("SELECT id, active FROM items WHERE active = ?", new Parameter[] {active},
                    false, 10, primaryRows, onH2));

            await(() -> counts.matched.get(), 1);
            ddl.execute("DROP TABLE items");
        }
    }

    @Test
    void aQueryThatFailsOnTheSecondaryIsCountedFailed() throws Exception {
        comparisons = start(1, 10);
        comparisons.submit(read(ids(1), (sql, params, maxRows) -> {
            throw new SQLException("no such table", "42S02");
        }));
        comparisons.submit(read(ids(1), (sql, params, maxRows) -> null));

        await(() -> counts.failed.get(), 2);
        assertThat(counts.matched.get() + counts.mismatched.get()).isZero();
    }

    @Test
    void resultsOverTheLimitAreSkippedWithoutQueryingTheSecondaryForAPrimaryOverIt() throws Exception {
        comparisons = start(1, 10);
        AtomicInteger queried = new AtomicInteger();
        RowsCopy.Builder over = RowsCopy.builder(List.of("id"), new int[] {Types.INTEGER}, new int[1], 1);
        over.addValues(1);
        over.addValues(2);

        comparisons.submit(read(over.build(), (sql, params, maxRows) -> {
            queried.incrementAndGet();
            return ids(1);
        }));
        comparisons.submit(read(ids(1), (sql, params, maxRows) -> {
            RowsCopy.Builder secondary = RowsCopy.builder(List.of("id"), new int[] {Types.INTEGER}, new int[1], maxRows);
            for (int i = 0; i <= maxRows; i++) {
                secondary.addValues(i);
            }
            return secondary.build();
        }));

        await(() -> counts.skipped.get(), 2);
        assertThat(queried.get()).isZero();
    }

    @Test
    void whenSaturatedReadsAreDroppedAndCountedWithoutBlockingTheApplication() throws Exception {
        comparisons = start(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        SecondaryQuery blocked = (sql, params, maxRows) -> {
            worker.set(Thread.currentThread());
            running.countDown();
            release.await();
            return ids(1);
        };

        comparisons.submit(read(ids(1), blocked));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        long before = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            comparisons.submit(read(ids(1), blocked));
        }
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(tookMillis).isLessThan(1_000);
        assertThat(counts.dropped.get()).as("one waits in the queue").isEqualTo(4);
        release.countDown();
        await(() -> counts.matched.get(), 2);
        assertThat(worker.get().getName()).isEqualTo("dualwrite-shadow-1");
        assertThat(worker.get().isDaemon()).isTrue();
    }

    @Test
    void closingGivesUpOnReadsStillWaitingAndTakesNoMore() throws Exception {
        comparisons = start(1, 5);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        SecondaryQuery stuck = (sql, params, maxRows) -> {
            running.countDown();
            never.await();
            return ids(1);
        };
        comparisons.submit(read(ids(1), stuck));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        comparisons.submit(read(ids(1), stuck));
        comparisons.submit(read(ids(1), stuck));

        comparisons.close();
        comparisons.submit(read(ids(1), stuck));

        assertThat(counts.dropped.get()).as("two queued, one after closing").isEqualTo(3);
        await(() -> counts.failed.get(), 1);
    }

    private ShadowComparisons start(int threads, int queue) {
        return new ShadowComparisons(threads, queue, counts,
                new MismatchLog(dir.resolve("mismatches.jsonl"), false, logger));
    }

    private static ShadowRead read(RowsCopy primary, SecondaryQuery secondary) {
        return new ShadowRead("SELECT id FROM items ORDER BY id", new Parameter[0], true, 10, primary, secondary);
    }

    private static RowsCopy ids(int... ids) {
        RowsCopy.Builder builder = RowsCopy.builder(List.of("id"), new int[] {Types.INTEGER}, new int[1], 10);
        for (int id : ids) {
            builder.addValues(id);
        }
        return builder.build();
    }

    private static RowsCopy fill(RowsCopy.Builder builder, Object[]... rows) {
        return ResultComparisonTest.fill(builder, rows);
    }

    private static void await(Callable count, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(count.get()).isEqualTo(expected);
    }

    private interface Callable {
        int get() throws Exception;
    }

    private static final class Counts implements ShadowOutcomes {
        final AtomicInteger matched = new AtomicInteger();
        final AtomicInteger mismatched = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void compared(boolean matched) {
            (matched ? this.matched : mismatched).incrementAndGet();
        }

        @Override
        public void skipped() {
            skipped.incrementAndGet();
        }

        @Override
        public void dropped() {
            dropped.incrementAndGet();
        }

        @Override
        public void failed() {
            failed.incrementAndGet();
        }
    }
}
