package io.dualwrite.sample.scenario;

import io.dualwrite.sample.ReadSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads, for the agent's read routing. The tables ({@link ReadSchema}) are seeded on each side directly, with
 * {@code source} naming the side, so every answer tells which database gave it. {@code --read} names the kinds of
 * read, comma-separated (default {@code plain}); each kind runs {@code --queries} times (default 1) on a connection
 * of its own, with the bound id going round 1..{@code --rows}:
 * <ul>
 * <li>{@code plain}: one prepared {@code SELECT id, source, label, amount FROM marker_reads WHERE id = ?}, bound
 * anew for every read, with {@code executeQuery}, in auto-commit;</li>
 * <li>{@code statement}: a {@code Statement.executeQuery} of the same select with the id as a literal;</li>
 * <li>{@code execute}, {@code statement-execute}: {@code execute()} (prepared, or a {@code Statement}'s
 * {@code execute(sql)}), then {@code getResultSet()}, {@code getUpdateCount()}, {@code getMoreResults()} and
 * {@code getUpdateCount()} again, printed as {@code execute= result-set= update-count= more-results=
 * update-count-after=};</li>
 * <li>{@code get-statement}: as {@code plain}, also printing whether the statement's connection is the
 * application's ({@code same-connection=});</li>
 * <li>{@code in-transaction}: as {@code plain} with auto-commit off, committed after the read;</li>
 * <li>{@code for-update}, {@code for-share}: the select with {@code FOR UPDATE} / {@code FOR SHARE}, in
 * auto-commit;</li>
 * <li>{@code after-write}: {@code UPDATE marker_writes SET n = ? WHERE id = 1}, then at once the plain read, on the
 * same connection;</li>
 * <li>{@code excluded-table}: the select on {@code marker_excluded};</li>
 * <li>{@code typed}: {@code SELECT <every column> FROM read_types WHERE id = ?}, every value read with
 * {@code getObject}.</li>
 * </ul>
 * Every marker read prints {@code read kind=K id=I returned-id=R source=S label=L same-statement=B [extra]}
 * ({@code none} where no row came back; {@code same-statement} tells whether {@code ResultSet.getStatement()} is
 * the application's statement); a typed read prints {@code read kind=typed id=I rows=N columns=C}. After each kind:
 * {@code reads kind=K primary=X secondary=Y other=Z errors=E} (other: answers naming neither side, or no row;
 * for {@code typed}, every answer). An error never stops the scenario: it is counted and shown on stderr (the first
 * 20, as {@code reads error:}), the transaction rolled back, a broken connection replaced.
 * <p>
 * With {@code --seconds} or {@code --stop-file} the first kind is read in a loop (pausing {@code --pause-ms}
 * between reads) until the time is up or the file exists, printing each 100 ms
 * {@code reads window=N primary=X secondary=Y other=Z errors=E} for the reads of that window, and at the end the
 * {@code reads kind=} line for the whole loop. With {@code --exit-file} the application then waits for that file
 * before it exits (at most 10 minutes), so that the agent's work in the background (shadow reads) can finish.
 */
final class ReadsScenario implements Scenario {

    static final List<String> KINDS = Arrays.asList("plain", "statement", "execute", "statement-execute",
            "get-statement", "in-transaction", "for-update", "for-share", "after-write", "excluded-table", "typed");
    private static final String SELECT = "SELECT id, source, label, amount FROM ";
    private static final String MARKER_SELECT = SELECT + ReadSchema.MARKERS + " WHERE id = ?";
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_EXIT_WAIT_MS = TimeUnit.MINUTES.toMillis(10);
    private static final int ERRORS_SHOWN = 20;

    private int errorsShown;

    @Override
    public void run(ScenarioContext context) throws Exception {
        errorsShown = 0;
        List<String> kinds = kinds(context.readKinds());
        if (context.seconds() > 0 || context.stopFile() != null) {
            loop(context, kinds.get(0));
        } else {
            for (String kind : kinds) {
                Tally tally = new Tally();
                try (Reader reader = new Reader(context, kind)) {
                    for (int query = 0; query < context.queries(); query++) {
                        Answer answer = reader.readOnce(1 + query % context.rows(), tally);
                        if (answer != null) {
                            System.out.println(answer.line);
                        }
                    }
                }
                System.out.println(tally.line("reads kind=" + kind));
            }
        }
        System.out.flush();
        awaitExitFile(context.exitFile());
    }

    private static List<String> kinds(String option) {
        List<String> kinds = new ArrayList<>();
        for (String kind : (option == null ? "plain" : option).split(",")) {
            String trimmed = kind.trim();
            if (!KINDS.contains(trimmed)) {
                throw new IllegalArgumentException("unknown kind of read '" + trimmed + "' in --read: one of " + KINDS);
            }
            kinds.add(trimmed);
        }
        return kinds;
    }

    private void loop(ScenarioContext context, String kind) throws Exception {
        long started = System.nanoTime();
        long deadline = context.seconds() > 0 ? started + TimeUnit.SECONDS.toNanos(context.seconds()) : Long.MAX_VALUE;
        Tally total = new Tally();
        Tally window = new Tally();
        long windowEnd = started + WINDOW_NANOS;
        int windows = 0;
        System.out.println("reads: reading " + kind + " in a loop");
        try (Reader reader = new Reader(context, kind)) {
            for (int query = 0; System.nanoTime() - deadline < 0 && !exists(context.stopFile()); query++) {
                Answer answer = reader.readOnce(1 + query % context.rows(), window);
                total.add(answer);
                long now = System.nanoTime();
                if (now - windowEnd >= 0) {
                    System.out.println(window.line("reads window=" + ++windows));
                    System.out.flush();
                    window = new Tally();
                    windowEnd = now + WINDOW_NANOS;
                }
                pause(context.pauseMillis());
            }
        }
        System.out.println(window.line("reads window=" + ++windows));
        System.out.println(total.line("reads kind=" + kind));
    }

    private static boolean exists(Path file) {
        return file != null && Files.exists(file);
    }

    private static void pause(int millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void awaitExitFile(Path exitFile) throws InterruptedException {
        if (exitFile == null) {
            return;
        }
        System.out.println("reads: waiting for " + exitFile + " before exiting");
        System.out.flush();
        long until = System.currentTimeMillis() + MAX_EXIT_WAIT_MS;
        while (!Files.exists(exitFile)) {
            if (System.currentTimeMillis() > until) {
                System.out.println("reads: " + exitFile + " did not appear within 10 minutes; exiting anyway");
                return;
            }
            Thread.sleep(20);
        }
    }

    /** Counts answers by the side that gave them, and errors. */
    private static final class Tally {
        private long primary;
        private long secondary;
        private long other;
        private long errors;

        void add(Answer answer) {
            if (answer == null) {
                errors++;
            } else if ("primary".equals(answer.source)) {
                primary++;
            } else if ("secondary".equals(answer.source)) {
                secondary++;
            } else {
                other++;
            }
        }

        String line(String prefix) {
            return prefix + " primary=" + primary + " secondary=" + secondary + " other=" + other + " errors="
                    + errors;
        }
    }

    /** What one read returned, and its printed line. */
    private static final class Answer {
        final String source;
        final String line;

        Answer(String source, String line) {
            this.source = source;
            this.line = line;
        }
    }

    /** Reads one kind on a connection of its own, replaced when an error broke it. */
    private final class Reader implements AutoCloseable {

        private final ScenarioContext context;
        private final String kind;
        private Connection connection;
        /** The plain kind's statement, bound anew for every read. */
        private PreparedStatement plain;

        Reader(ScenarioContext context, String kind) {
            this.context = context;
            this.kind = kind;
        }

        /** The answer, counted in the tally; null (and an error counted) when the read failed. */
        Answer readOnce(int id, Tally tally) throws InterruptedException {
            Answer answer = null;
            try {
                if (connection == null) {
                    connection = context.connect();
                }
                answer = read(id);
            } catch (SQLException | RuntimeException e) {
                if (errorsShown++ < ERRORS_SHOWN) {
                    System.err.println("reads error: kind=" + kind + " id=" + id + ": " + e);
                }
                recover();
            }
            tally.add(answer);
            return answer;
        }

        private Answer read(int id) throws SQLException {
            switch (kind) {
                case "plain":
                    if (plain == null) {
                        plain = connection.prepareStatement(MARKER_SELECT);
                    }
                    return prepared(plain, id, "");
                case "statement":
                    try (Statement statement = connection.createStatement();
                         ResultSet rs = statement.executeQuery(literal(id))) {
                        return marker(id, rs, statement, "");
                    }
                case "execute":
                    try (PreparedStatement statement = connection.prepareStatement(MARKER_SELECT)) {
                        statement.setInt(1, id);
                        return executed(id, statement, statement.execute());
                    }
                case "statement-execute":
                    try (Statement statement = connection.createStatement()) {
                        return executed(id, statement, statement.execute(literal(id)));
                    }
                case "get-statement":
                    try (PreparedStatement statement = connection.prepareStatement(MARKER_SELECT)) {
                        statement.setInt(1, id);
                        try (ResultSet rs = statement.executeQuery()) {
                            return marker(id, rs, statement, " same-connection="
                                    + (rs.getStatement() != null && rs.getStatement().getConnection() == connection));
                        }
                    }
                case "in-transaction":
                    connection.setAutoCommit(false);
                    Answer answer;
                    try (PreparedStatement statement = connection.prepareStatement(MARKER_SELECT)) {
                        answer = prepared(statement, id, " auto-commit=" + connection.getAutoCommit());
                    }
                    connection.commit();
                    connection.setAutoCommit(true);
                    return answer;
                case "for-update":
                case "for-share":
                    String lock = kind.equals("for-update") ? " FOR UPDATE" : " FOR SHARE";
                    try (PreparedStatement statement = connection.prepareStatement(MARKER_SELECT + lock)) {
                        return prepared(statement, id, "");
                    }
                case "after-write":
                    int written;
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE " + ReadSchema.WRITES + " SET n = ? WHERE id = 1")) {
                        update.setInt(1, id);
                        written = update.executeUpdate();
                    }
                    try (PreparedStatement statement = connection.prepareStatement(MARKER_SELECT)) {
                        return prepared(statement, id, " written=" + written);
                    }
                case "excluded-table":
                    try (PreparedStatement statement = connection.prepareStatement(
                            SELECT + ReadSchema.EXCLUDED + " WHERE id = ?")) {
                        return prepared(statement, id, "");
                    }
                case "typed":
                    return typed(id);
                default:
                    throw new IllegalStateException("kind of read not handled: " + kind);
            }
        }

        private Answer prepared(PreparedStatement statement, int id, String extra) throws SQLException {
            statement.setInt(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return marker(id, rs, statement, extra);
            }
        }

        private Answer executed(int id, Statement statement, boolean isResultSet) throws SQLException {
            ResultSet rs = statement.getResultSet();
            try {
                Answer answer = rs == null ? new Answer(null, "") : marker(id, rs, statement, "");
                int updateCount = statement.getUpdateCount();
                boolean more = statement.getMoreResults();
                int updateCountAfter = statement.getUpdateCount();
                String line = (rs == null ? "read kind=" + kind + " id=" + id + " returned-id=none source=none"
                        + " label=none" : answer.line) + " execute=" + isResultSet + " result-set=" + (rs != null)
                        + " update-count=" + updateCount + " more-results=" + more + " update-count-after="
                        + updateCountAfter;
                return new Answer(answer.source, line);
            } finally {
                if (rs != null) {
                    rs.close();
                }
            }
        }

        /** Reads the (at most one) row of a marker table's result. */
        private Answer marker(int id, ResultSet rs, Statement statement, String extra) throws SQLException {
            String returnedId = "none";
            String source = "none";
            String label = "none";
            boolean sameStatement = rs.getStatement() == statement;
            if (rs.next()) {
                returnedId = String.valueOf(rs.getInt("id"));
                source = rs.getString("source");
                label = rs.getString("label");
                rs.getBigDecimal("amount");
            }
            if (rs.next()) {
                throw new SQLException("more than one row for id " + id);
            }
            return new Answer(source, "read kind=" + kind + " id=" + id + " returned-id=" + returnedId + " source="
                    + source + " label=" + label + " same-statement=" + sameStatement + extra);
        }

        private Answer typed(int id) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + ReadSchema.TYPE_COLUMNS + " FROM " + ReadSchema.TYPES + " WHERE id = ?")) {
                statement.setInt(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                        for (int column = 1; column <= columns; column++) {
                            rs.getObject(column);
                        }
                    }
                    return new Answer("typed", "read kind=typed id=" + id + " rows=" + rows + " columns=" + columns);
                }
            }
        }

        private String literal(int id) {
            return SELECT + ReadSchema.MARKERS + " WHERE id = " + id;
        }

        /** Leaves a usable connection in auto-commit, or none (opened again at the next read). */
        private void recover() {
            if (connection == null) {
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
            close();
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it is being given up
                }
                connection = null;
                plain = null;
            }
        }
    }
}
