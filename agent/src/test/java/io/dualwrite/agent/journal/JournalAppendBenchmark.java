package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Appends per second of 200-byte records, by fsync mode and number of appending threads; prints figures, asserts
 * nothing. Run from the agent module after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes io.dualwrite.agent.journal.JournalAppendBenchmark [seconds] [dir]
 * </pre>
 * The directory (default: a new one under the system temp directory) should be on the disk to be measured.
 */
public final class JournalAppendBenchmark {

    private static final int RECORD_BYTES = 200;

    private JournalAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("journal-benchmark");
        System.out.printf("journal appends of %d-byte records, %.1f s per run, in %s, %d cores%n", RECORD_BYTES,
                seconds, base, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-7s %8s %12s %10s %16s%n", "fsync", "threads", "appends/s", "fsyncs/s", "appends/fsync");
        run(base, FsyncMode.ALWAYS, 1, seconds);
        run(base, FsyncMode.ALWAYS, 8, seconds);
        for (int threads : new int[] {1, 8, 64, 256, 512}) {
            run(base, FsyncMode.BATCH, threads, seconds);
        }
        for (int threads : new int[] {1, 8}) {
            run(base, FsyncMode.NEVER, threads, seconds);
        }
        appendAllFromOneThread(base, seconds);
        checkpoints(base, seconds);
        deleteRecursively(base);
    }

    /** A queue spilling into the journal: one thread, 100 records per call. */
    private static void appendAllFromOneThread(Path base, double seconds) throws IOException {
        Path dir = base.resolve("append-all");
        List<byte[]> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(Records.payload(i, RECORD_BYTES));
        }
        try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
            long began = System.nanoTime();
            long deadline = began + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                journal.appendAll(hundred);
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            JournalStats stats = journal.stats();
            System.out.printf("BATCH, 1 thread, appendAll of 100: %.0f records/s, %.0f fsyncs/s%n",
                    stats.appends() / elapsed, stats.fsyncs() / elapsed);
        }
        deleteRecursively(dir);
    }

    /** Each checkpoint replaces a file durably: what one per replayed record costs. */
    private static void checkpoints(Path base, double seconds) throws IOException {
        Path dir = base.resolve("checkpoints");
        try (Journal journal = Journal.open(dir, JournalOptions.defaults().withFsync(FsyncMode.NEVER))) {
            byte[] payload = Records.payload(1, RECORD_BYTES);
            for (int i = 0; i < 200_000; i++) {
                journal.append(payload);
            }
            long began = System.nanoTime();
            long deadline = began + (long) (seconds * 1e9);
            long sequence = 0;
            while (System.nanoTime() < deadline && sequence < 200_000) {
                journal.checkpoint(++sequence);
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            System.out.printf("checkpoint: %.0f per second%n", sequence / elapsed);
        }
        deleteRecursively(dir);
    }

    private static void run(Path base, FsyncMode mode, int threads, double seconds) throws Exception {
        Path dir = base.resolve(mode + "-" + threads);
        JournalOptions options = JournalOptions.defaults().withFsync(mode);
        try (Journal journal = Journal.open(dir, options)) {
            measure(journal, threads, Math.min(1, seconds / 3));
            long appendsBefore = journal.stats().appends();
            long fsyncsBefore = journal.stats().fsyncs();
            double elapsed = measure(journal, threads, seconds);
            long appends = journal.stats().appends() - appendsBefore;
            long fsyncs = journal.stats().fsyncs() - fsyncsBefore;
            System.out.printf("%-7s %8d %12.0f %10.0f %16.1f%n", mode, threads, appends / elapsed, fsyncs / elapsed,
                    fsyncs == 0 ? 0.0 : (double) appends / fsyncs);
        }
        deleteRecursively(dir);
    }

    /** Appends from {@code threads} threads for about {@code seconds}; the time it actually took. */
    private static double measure(Journal journal, int threads, double seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        LongAdder failures = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            byte[] payload = Records.payload(t, RECORD_BYTES);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        journal.append(payload);
                    }
                } catch (IOException | InterruptedException e) {
                    failures.increment();
                }
            });
            worker.start();
            workers.add(worker);
        }
        long began = System.nanoTime();
        start.countDown();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failures.sum() > 0) {
            throw new IllegalStateException(failures.sum() + " appenders failed");
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
