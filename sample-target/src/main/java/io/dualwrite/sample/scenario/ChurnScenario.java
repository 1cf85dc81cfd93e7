package io.dualwrite.sample.scenario;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A writer that updates and deletes rows that are already there, for the {@code backfill} and {@code repair}
 * commands run while an application writes. The table ({@code --table}, default {@code rc_items}) has the columns
 * {@code id bigint} (the key), {@code label} (not null), {@code amount decimal(12,2)}, {@code flag} (boolean or
 * {@code tinyint(1)}, not null), {@code created} (a timestamp with microseconds, not null) and {@code note}
 * (nullable); its rows have the ids 1..{@code --rows}. Each of {@code --threads} threads has its own connection
 * and, in auto-commit, over and over picks an id at random among 1..rows and
 * <ul>
 * <li>three times in four updates that row to new absolute values (never {@code x = x + 1}): a label naming the
 * thread and the operation, an amount, a flag, a timestamp with microseconds, a note that is by turns a text,
 * NULL and the empty string;</li>
 * <li>once in four deletes it.</li>
 * </ul>
 * An id that an earlier delete removed is updated or deleted again all the same (0 rows, counted as a miss): rows
 * never come back. It stops at the first of: {@code --seconds} elapsed, {@code --operations} done by each thread,
 * {@code --stop-file} exists; with none of them, after 1,000 operations per thread. Every 500 ms it prints
 * {@code churn: progress ms=D updates=U deletes=X misses=M errors=E} and at the end
 * {@code churn: threads=T updates=U deletes=X misses=M errors=E ms=D} (updates and deletes count the statements
 * that changed a row). An error never stops a thread: it is counted and shown (the first 20, as
 * {@code churn error:}); more than {@code --max-errors} fail the run. With {@code --exit-file} the application then
 * waits for that file (at most 10 minutes) before it exits.
 */
final class ChurnScenario implements Scenario {

    static final String DEFAULT_TABLE = "rc_items";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int DEFAULT_OPERATIONS = 1_000;
    private static final int ERRORS_SHOWN = 20;
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long MAX_EXIT_WAIT_MS = TimeUnit.MINUTES.toMillis(10);
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 3, 1, 8, 0);

    private volatile boolean stop;
    private int errorsShown;

    @Override
    public void run(ScenarioContext context) throws Exception {
        String table = context.table() == null ? DEFAULT_TABLE : context.table();
        if (!PLAIN_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("--table needs a plain table name, got '" + table + "'");
        }
        stop = false;
        errorsShown = 0;
        int operations = context.operations() > 0 ? context.operations()
                : context.seconds() > 0 || context.stopFile() != null ? Integer.MAX_VALUE : DEFAULT_OPERATIONS;
        long started = System.nanoTime();
        long deadline = context.seconds() > 0 ? started + TimeUnit.SECONDS.toNanos(context.seconds()) : Long.MAX_VALUE;
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int threadNo = 1; threadNo <= context.threads(); threadNo++) {
            Worker worker = new Worker(context, table, threadNo, operations);
            workers.add(worker);
            Thread thread = new Thread(worker, "churn-" + threadNo);
            threads.add(thread);
            thread.start();
        }
        System.out.println("churn: " + context.threads() + " threads updating and deleting rows 1.." + context.rows()
                + " of " + table);
        System.out.flush();
        long nextProgress = started + PROGRESS_NANOS;
        while (anyAlive(threads)) {
            long now = System.nanoTime();
            if (now - deadline >= 0 || (context.stopFile() != null && Files.exists(context.stopFile()))) {
                stop = true;
            }
            if (now - nextProgress >= 0) {
                System.out.println(totals(workers, "churn: progress ms=" + TimeUnit.NANOSECONDS.toMillis(now - started)));
                System.out.flush();
                nextProgress += PROGRESS_NANOS;
            }
            threads.get(0).join(20);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println(totals(workers, "churn: threads=" + context.threads()) + " ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();
        long errors = 0;
        for (Worker worker : workers) {
            errors += worker.errors;
        }
        if (context.maxErrors() != ScenarioContext.ANY_NUMBER_OF_ERRORS && errors > context.maxErrors()) {
            throw new IllegalStateException("churn: the application saw " + errors + " errors, more than --max-errors "
                    + context.maxErrors() + " (the first " + ERRORS_SHOWN + " are on stderr as 'churn error:')");
        }
        awaitExitFile(context.exitFile());
    }

    private static String totals(List<Worker> workers, String prefix) {
        long updates = 0;
        long deletes = 0;
        long misses = 0;
        long errors = 0;
        for (Worker worker : workers) {
            updates += worker.updates;
            deletes += worker.deletes;
            misses += worker.misses;
            errors += worker.errors;
        }
        return prefix + " updates=" + updates + " deletes=" + deletes + " misses=" + misses + " errors=" + errors;
    }

    private static boolean anyAlive(List<Thread> threads) {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static void awaitExitFile(Path exitFile) throws InterruptedException {
        if (exitFile == null) {
            return;
        }
        System.out.println("churn: waiting for " + exitFile + " before exiting");
        System.out.flush();
        long until = System.currentTimeMillis() + MAX_EXIT_WAIT_MS;
        while (!Files.exists(exitFile)) {
            if (System.currentTimeMillis() > until) {
                System.out.println("churn: " + exitFile + " did not appear within 10 minutes; exiting anyway");
                return;
            }
            Thread.sleep(20);
        }
    }

    private synchronized void show(int threadNo, String operation, Exception e) {
        if (++errorsShown <= ERRORS_SHOWN) {
            System.err.println("churn error: thread " + threadNo + " " + operation + ": " + e);
        }
    }

    /** One thread's loop; the counters are read by the progress lines while it runs. */
    private final class Worker implements Runnable {

        private final ScenarioContext context;
        private final int threadNo;
        private final int operations;
        private final Random random;
        private final String update;
        private final String delete;
        private Connection connection;
        volatile long updates;
        volatile long deletes;
        volatile long misses;
        volatile long errors;
        private long done;

        Worker(ScenarioContext context, String table, int threadNo, int operations) {
            this.context = context;
            this.threadNo = threadNo;
            this.operations = operations;
            this.random = new Random(31L * threadNo + System.nanoTime());
            this.update = "UPDATE " + table + " SET label = ?, amount = ?, flag = ?, created = ?, note = ? WHERE id = ?";
            this.delete = "DELETE FROM " + table + " WHERE id = ?";
        }

        @Override
        public void run() {
            try {
                while (!stop && done < operations) {
                    long id = 1 + random.nextInt(context.rows());
                    boolean deleting = random.nextInt(4) == 0;
                    try {
                        if (connection == null) {
                            connection = context.connect();
                        }
                        int changed = deleting ? deleteRow(id) : updateRow(id);
                        if (changed == 0) {
                            misses++;
                        } else if (deleting) {
                            deletes++;
                        } else {
                            updates++;
                        }
                    } catch (SQLException | RuntimeException e) {
                        errors++;
                        show(threadNo, (deleting ? "delete" : "update") + " of id " + id, e);
                        closeConnection();
                    }
                    done++;
                    pause(context.pauseMillis());
                }
            } finally {
                closeConnection();
            }
        }

        private int updateRow(long id) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                statement.setString(1, "churn-" + threadNo + "-" + done);
                statement.setBigDecimal(2, BigDecimal.valueOf(random.nextInt(1_000_000_000), 2));
                statement.setBoolean(3, random.nextBoolean());
                statement.setTimestamp(4, Timestamp.valueOf(EPOCH.plusNanos(random.nextInt(1_000_000_000) * 1_000L)));
                switch ((int) (done % 3)) {
                    case 0:
                        statement.setString(5, "churned by thread " + threadNo);
                        break;
                    case 1:
                        statement.setNull(5, Types.VARCHAR);
                        break;
                    default:
                        statement.setString(5, "");
                        break;
                }
                statement.setLong(6, id);
                return statement.executeUpdate();
            }
        }

        private int deleteRow(long id) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setLong(1, id);
                return statement.executeUpdate();
            }
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // given up; opened again for the next operation
                }
                connection = null;
            }
        }

        private void pause(int millis) {
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop = true;
                }
            }
        }
    }
}
