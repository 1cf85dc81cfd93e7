package io.dualwrite.agent.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dualwrite.agent.config.ReadRoute;
import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.JdbcHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowTeeTest {

    private static final String SHARED = "SELECT id, name, amount FROM shared WHERE id >= ? ORDER BY id";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private ReadFixture db;

    @BeforeEach
    void databases() throws Exception {
        db = new ReadFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private TestQuery shared() throws Exception {
        return db.prepared(SHARED, new ReadSession()).setInt(1, 1);
    }

    private int readAll(ResultSet rows) throws Exception {
        int count = 0;
        while (rows.next()) {
            rows.getObject(1);
            count++;
        }
        return count;
    }

    private void awaitOutcomes(long count) {
        await().atMost(WAIT).until(() -> db.stats.shadowReadsCompared() + db.stats.shadowReadsSkipped()
                + db.stats.shadowReadsFailed() + db.stats.shadowReadsDropped() >= count);
    }

    @Test
    void theApplicationReadsThePrimarysRowsAndEqualRowsCompareMatched() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW));
        TestQuery query = db.prepared(ReadFixture.BY_ID, new ReadSession()).setInt(1, 1);
        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(rows.getStatement()).isSameAs(query.jdbc());
            assertThat(ReadFixture.sourceOf(rows)).isEqualTo("primary");
        }
        awaitOutcomes(1);
        assertThat(db.stats.shadowReadsMismatched()).as("the sources differ").isEqualTo(1);

        try (ResultSet rows = db.executeQuery(shared())) {
            assertThat(readAll(rows)).isEqualTo(3);
        }
        awaitOutcomes(2);
        assertThat(db.stats.shadowReadsMatched()).isEqualTo(1);
        assertThat(db.stats.primaryReads()).isEqualTo(2);
        assertThat(db.stats.secondaryReads()).isZero();
    }

    @Test
    void theCopyIsSubmittedWhenTheRowsRunOutBeforeTheyAreClosed() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW));
        ResultSet rows = db.executeQuery(shared());

        assertThat(readAll(rows)).isEqualTo(3);

        awaitOutcomes(1);
        assertThat(db.stats.shadowReadsMatched()).isEqualTo(1);
        rows.close();
        assertThat(db.stats.shadowReadsCompared()).as("closing submits nothing more").isEqualTo(1);
    }

    @Test
    void closingTheRowsEarlyCopiesTheRestBeforeComparing() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW));
        try (ResultSet rows = db.executeQuery(shared())) {
            assertThat(rows.next()).isTrue();
        }
        awaitOutcomes(1);
        assertThat(db.stats.shadowReadsMatched()).as("all three rows were compared").isEqualTo(1);
    }

    @Test
    void runningTheStatementAgainFinishesTheCopyOfItsLastRows() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW));
        TestQuery query = shared();
        ResultSet first = db.executeQuery(query);
        assertThat(first.next()).isTrue();

        try (ResultSet second = db.executeQuery(query)) {
            assertThat(readAll(second)).isEqualTo(3);
        }
        awaitOutcomes(2);
        assertThat(db.stats.shadowReadsMatched()).isEqualTo(2);
    }

    @Test
    void differingRowsAreCountedMismatchedAndLogged() throws Exception {
        try (Statement change = db.secondary.createStatement()) {
            change.execute("UPDATE shared SET name = 'deux' WHERE id = 2");
        }
        db.open(db.reads(ReadRoute.SHADOW));
        try (ResultSet rows = db.executeQuery(shared())) {
            readAll(rows);
        }

        awaitOutcomes(1);
        assertThat(db.stats.shadowReadsMismatched()).isEqualTo(1);
        Path log = db.reads(ReadRoute.SHADOW).mismatchLog();
        await().atMost(WAIT).until(() -> Files.exists(log) && Files.readAllLines(log).size() == 1);
        assertThat(Files.readString(log)).contains("\"kind\":\"VALUE\"", "\"column\":\"NAME\"");
    }

    @Test
    void aScrolledResultIsSkipped() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW));
        PreparedStatement scrollable = db.primary.prepareStatement(SHARED, ResultSet.TYPE_SCROLL_INSENSITIVE,
                ResultSet.CONCUR_READ_ONLY);
        TestQuery query = new TestQuery(scrollable, SHARED, new ReadSession()).setInt(1, 1);
        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.last()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(3);
            assertThat(rows.first()).isTrue();
        }
        assertThat(db.stats.shadowReadsSkipped()).isEqualTo(1);
        assertThat(db.stats.shadowReadsCompared()).isZero();
    }

    @Test
    void aResultOverShadowMaxRowsIsSkipped() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW, 10, 2));
        try (ResultSet rows = db.executeQuery(shared())) {
            assertThat(readAll(rows)).as("the application still reads every row").isEqualTo(3);
        }
        awaitOutcomes(1);
        assertThat(db.stats.shadowReadsSkipped()).isEqualTo(1);

        TestQuery two = db.prepared(SHARED, new ReadSession()).setInt(1, 2);
        try (ResultSet rows = db.executeQuery(two)) {
            assertThat(readAll(rows)).isEqualTo(2);
        }
        awaitOutcomes(2);
        assertThat(db.stats.shadowReadsMatched()).as("exactly shadow-max-rows is compared").isEqualTo(1);
    }

    @Test
    void shadowAtZeroPercentCopiesNothing() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW).withShadowPercent(0));
        TestQuery query = shared();
        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(rows.getClass().getName()).startsWith("org.h2.");
            readAll(rows);
        }
        assertThat(db.stats.primaryReads()).isEqualTo(1);
    }

    @Test
    void aShadowedExecuteIsCopiedFromGetResultSetAndFinishedBeforeGetMoreResults() throws Exception {
        db.open(db.reads(ReadRoute.SHADOW));
        TestQuery query = shared();
        PreparedStatement statement = (PreparedStatement) query.jdbc();

        assertThat(db.router.enter(query, SHARED, false)).isNull();
        assertThat(db.router.result(query.reads(), statement.execute())).isEqualTo(Boolean.TRUE);
        ResultSet rows = (ResultSet) db.router.resultSet(query.reads(), statement.getResultSet());
        assertThat(rows.next()).isTrue();

        AgentAnswer more = db.router.resultCall(query.reads(), JdbcHooks.MORE_RESULTS);
        assertThat(more).as("the driver answers").isNull();
        assertThat(statement.getMoreResults()).isFalse();

        awaitOutcomes(1);
        assertThat(db.stats.shadowReadsMatched()).isEqualTo(1);
    }
}
