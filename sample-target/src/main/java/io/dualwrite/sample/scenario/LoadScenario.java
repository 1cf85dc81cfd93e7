package io.dualwrite.sample.scenario;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A concurrent write load on {@code events}, for fault-injection tests and benchmarks. Each of {@code --threads}
 * threads has its own connection, owns the ids {@code threadNo * 1,000,000 + 1...} (threads numbered from 1, so
 * no two ever collide) and repeats ten kinds of operation in turn:
 * <ul>
 * <li>0, 1, 2: an auto-commit prepared insert (1 write each);</li>
 * <li>3: an auto-commit prepared update of one of its rows, to values it chooses (1 write);</li>
 * <li>4: an auto-commit prepared delete of one of its rows (1 write);</li>
 * <li>5: a transaction of two inserts and an update, committed (3 writes);</li>
 * <li>6: a transaction of an insert and an update, rolled back (2 rolled-back writes);</li>
 * <li>7: an auto-commit prepared batch of 5 inserts (1 write);</li>
 * <li>8: an auto-commit {@code Statement} batch of an insert and an update in SQL literals (1 write);</li>
 * <li>9: a transaction of a prepared batch of 3 updates and a delete, committed (2 writes).</li>
 * </ul>
 * Updates set absolute values, never {@code x = x + 1}. It stops at the first of: {@code --seconds} elapsed,
 * {@code --operations} done by each thread, {@code --stop-file} exists; with none of them, after 1,000 operations
 * per thread. An error never stops a thread: it is counted and shown (the first 20), the transaction is rolled
 * back, a broken connection is replaced, and the thread goes on. At the end it prints
 * {@code load: threads=T operations=N errors=E writes=W rolled-back=R ms=D}: writes are the statement executions
 * and batches that the primary committed (what the agent must account for), rolled-back those of the rolled-back
 * transactions. More errors than {@code --max-errors} fail the run. With {@code --exit-file} the application
 * then stays alive until that file exists (at most 10 minutes), as a long-running application would, so that
 * what the agent does in the background can finish.
 */
final class LoadScenario implements Scenario {

    static final long IDS_PER_THREAD = 1_000_000;
    private static final int DEFAULT_OPERATIONS = 1_000;
    private static final int ERRORS_SHOWN = 20;
    private static final long MAX_EXIT_WAIT_MS = TimeUnit.MINUTES.toMillis(10);
    private static final String INSERT = "INSERT INTO events (id, thread_no, seq, kind, payload, amount, version,"
            + " happened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE =
            "UPDATE events SET payload = ?, amount = ?, version = ?, happened_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM events WHERE id = ?";
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 15, 12, 0);

    private final AtomicInteger errorsShown = new AtomicInteger();
    private volatile boolean stop;

    @Override
    public void run(ScenarioContext context) throws Exception {
        stop = false;
        errorsShown.set(0);
        int operations = context.operations() > 0 ? context.operations()
                : context.seconds() > 0 || context.stopFile() != null ? Integer.MAX_VALUE : DEFAULT_OPERATIONS;
        long started = System.nanoTime();
        long deadline = context.seconds() > 0 ? started + TimeUnit.SECONDS.toNanos(context.seconds()) : Long.MAX_VALUE;
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int threadNo = 1; threadNo <= context.threads(); threadNo++) {
            Worker worker = new Worker(context, threadNo, operations);
            workers.add(worker);
            Thread thread = new Thread(worker, "load-" + threadNo);
            threads.add(thread);
            thread.start();
        }
        System.out.println("load: " + context.threads() + " threads writing");
        long nextProgress = started + TimeUnit.SECONDS.toNanos(1);
        while (anyAlive(threads)) {
            long now = System.nanoTime();
            if (now - deadline >= 0 || exists(context.stopFile())) {
                stop = true;
            }
            if (now - nextProgress >= 0) {
                // A stalled or slowed load shows in these lines (one a second), e.g. while a secondary hangs.
                System.out.println("load: progress ms=" + TimeUnit.NANOSECONDS.toMillis(now - started)
                        + " operations=" + sum(workers, true) + " errors=" + sum(workers, false));
                nextProgress += TimeUnit.SECONDS.toNanos(1);
            }
            threads.get(0).join(20);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long ops = 0;
        long errors = 0;
        long writes = 0;
        long rolledBack = 0;
        for (Worker worker : workers) {
            ops += worker.operationsDone;
            errors += worker.errors;
            writes += worker.writes;
            rolledBack += worker.rolledBackWrites;
        }
        System.out.println("load: threads=" + context.threads() + " operations=" + ops + " errors=" + errors
                + " writes=" + writes + " rolled-back=" + rolledBack
                + " ms=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();
        if (context.maxErrors() != ScenarioContext.ANY_NUMBER_OF_ERRORS && errors > context.maxErrors()) {
            throw new IllegalStateException("load: the application saw " + errors + " errors, more than --max-errors "
                    + context.maxErrors() + " (the first " + ERRORS_SHOWN + " are on stderr as 'load error:')");
        }
        awaitExitFile(context.exitFile());
    }

    private static long sum(List<Worker> workers, boolean operations) {
        long sum = 0;
        for (Worker worker : workers) {
            sum += operations ? worker.operationsDone : worker.errors;
        }
        return sum;
    }

    private static boolean anyAlive(List<Thread> threads) {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static boolean exists(Path file) {
        return file != null && Files.exists(file);
    }

    private static void awaitExitFile(Path exitFile) throws InterruptedException {
        if (exitFile == null) {
            return;
        }
        System.out.println("load: waiting for " + exitFile + " before exiting");
        long until = System.currentTimeMillis() + MAX_EXIT_WAIT_MS;
        while (!Files.exists(exitFile)) {
            if (System.currentTimeMillis() > until) {
                System.out.println("load: " + exitFile + " did not appear within 10 minutes; exiting anyway");
                return;
            }
            Thread.sleep(20);
        }
    }

    /** One thread's loop; its counters are read after the thread ended. */
    private final class Worker implements Runnable {

        private final ScenarioContext context;
        private final int threadNo;
        private final int operations;
        private final Random random;
        /** Its rows the primary holds, as far as this thread knows. */
        private final List<Long> live = new ArrayList<>();
        private int seq;
        private Connection connection;
        /** Read by the progress line while the thread runs. */
        volatile long operationsDone;
        volatile long errors;
        long writes;
        long rolledBackWrites;

        Worker(ScenarioContext context, int threadNo, int operations) {
            this.context = context;
            this.threadNo = threadNo;
            this.operations = operations;
            this.random = new Random(threadNo);
        }

        @Override
        public void run() {
            try {
                while (!stop && operationsDone < operations) {
                    int kind = (int) (operationsDone % 10);
                    try {
                        if (connection == null) {
                            connection = context.connect();
                        }
                        perform(kind);
                    } catch (SQLException | RuntimeException e) {
                        errors++;
                        show(kind, e);
                        recover();
                    }
                    operationsDone++;
                    pause(context.pauseMillis());
                }
            } finally {
                closeConnection();
            }
        }

        private void perform(int kind) throws SQLException {
            switch (kind) {
                case 3:
                    if (live.isEmpty()) {
                        insertOne();
                    } else {
                        updateOne();
                    }
                    break;
                case 4:
                    if (live.size() < 20) {
                        insertOne();
                    } else {
                        deleteOne();
                    }
                    break;
                case 5:
                    committedTransaction();
                    break;
                case 6:
                    rolledBackTransaction();
                    break;
                case 7:
                    preparedInsertBatch();
                    break;
                case 8:
                    statementBatch();
                    break;
                case 9:
                    transactionWithBatch();
                    break;
                default:
                    insertOne();
            }
        }

        private void insertOne() throws SQLException {
            long id = newId();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bindInsert(insert, id, "insert");
                insert.executeUpdate();
            }
            writes++;
            live.add(id);
        }

        private void updateOne() throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                bindUpdate(update, anyLive());
                update.executeUpdate();
            }
            writes++;
        }

        private void deleteOne() throws SQLException {
            int index = random.nextInt(live.size());
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setLong(1, live.get(index));
                delete.executeUpdate();
            }
            writes++;
            live.remove(index);
        }

        private void committedTransaction() throws SQLException {
            long first = newId();
            long second = newId();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                 PreparedStatement update = connection.prepareStatement(UPDATE)) {
                bindInsert(insert, first, "tx");
                insert.executeUpdate();
                bindInsert(insert, second, "tx");
                insert.executeUpdate();
                bindUpdate(update, live.isEmpty() ? first : anyLive());
                update.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            writes += 3;
            live.add(first);
            live.add(second);
        }

        private void rolledBackTransaction() throws SQLException {
            long id = newId();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                 PreparedStatement update = connection.prepareStatement(UPDATE)) {
                bindInsert(insert, id, "rolled-back");
                insert.executeUpdate();
                bindUpdate(update, live.isEmpty() ? id : anyLive());
                update.executeUpdate();
            }
            connection.rollback();
            connection.setAutoCommit(true);
            rolledBackWrites += 2;
        }

        private void preparedInsertBatch() throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < 5; i++) {
                    long id = newId();
                    bindInsert(insert, id, "batch");
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
            }
            writes++;
            live.addAll(ids);
        }

        private void statementBatch() throws SQLException {
            long id = newId();
            try (Statement statement = connection.createStatement()) {
                statement.addBatch("INSERT INTO events (id, thread_no, seq, kind, payload, amount, version,"
                        + " happened_at) VALUES (" + id + ", " + threadNo + ", " + seq + ", 'literal', 'it''s literal " + seq
                        + "', 12.5000, 1, NULL)");
                statement.addBatch("UPDATE events SET version = " + random.nextInt(1000)
                        + ", payload = 'literal update " + seq + "' WHERE id = " + (live.isEmpty() ? id : anyLive()));
                statement.executeBatch();
            }
            writes++;
            live.add(id);
        }

        private void transactionWithBatch() throws SQLException {
            if (live.size() < 4) {
                insertOne();
                return;
            }
            int deleted = random.nextInt(live.size());
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(UPDATE);
                 PreparedStatement delete = connection.prepareStatement(DELETE)) {
                for (int i = 0; i < 3; i++) {
                    bindUpdate(update, anyLive());
                    update.addBatch();
                }
                update.executeBatch();
                delete.setLong(1, live.get(deleted));
                delete.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            writes += 2;
            live.remove(deleted);
        }

        private long newId() {
            seq++;
            if (seq >= IDS_PER_THREAD) {
                throw new IllegalStateException("thread " + threadNo + " used up its " + IDS_PER_THREAD + " ids");
            }
            return threadNo * IDS_PER_THREAD + seq;
        }

        private long anyLive() {
            return live.get(random.nextInt(live.size()));
        }

        private void bindInsert(PreparedStatement insert, long id, String kind) throws SQLException {
            insert.setLong(1, id);
            insert.setInt(2, threadNo);
            insert.setInt(3, seq);
            insert.setString(4, kind);
            insert.setString(5, payload());
            bindAmount(insert, 6);
            insert.setInt(7, 1);
            insert.setTimestamp(8, timestamp());
        }

        private void bindUpdate(PreparedStatement update, long id) throws SQLException {
            update.setString(1, payload());
            bindAmount(update, 2);
            update.setInt(3, 2 + random.nextInt(1000));
            update.setTimestamp(4, timestamp());
            update.setLong(5, id);
        }

        private void bindAmount(PreparedStatement statement, int index) throws SQLException {
            if (random.nextInt(7) == 0) {
                statement.setNull(index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(index, BigDecimal.valueOf(random.nextInt(2_000_000_000) - 1_000_000_000L, 4));
            }
        }

        /** Of varying length, with a quote and characters beyond ASCII. */
        private String payload() {
            StringBuilder text = new StringBuilder("thread ").append(threadNo).append(" seq ").append(seq)
                    .append(" O'Brien – Grüße ✓ ");
            int extra = random.nextInt(200);
            for (int i = 0; i < extra; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            return text.toString();
        }

        /** Microsecond precision, which both sides' timestamp columns keep. */
        private Timestamp timestamp() {
            return Timestamp.valueOf(EPOCH.plusNanos((seq * 1_000_003L + random.nextInt(1_000_000)) * 1_000L));
        }

        private void show(int kind, Exception e) {
            if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
                System.err.println("load error: thread " + threadNo + " operation " + kind + ": " + e);
            }
        }

        /** Leaves the thread with a usable connection in auto-commit, or none (opened again next time). */
        private void recover() {
            if (connection == null) {
                pause(100);
                return;
            }
            try {
                if (connection.isValid(2)) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    return;
                }
            } catch (SQLException broken) {
                // replaced below
            }
            closeConnection();
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it is being given up
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
