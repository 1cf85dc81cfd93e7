package io.dualwrite.agent.read;

import static io.dualwrite.agent.read.ReadFixture.BY_ID;
import static io.dualwrite.agent.read.ReadFixture.sourceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dualwrite.agent.config.ReadRoute;
import io.dualwrite.agent.config.ReadSticky;
import io.dualwrite.agent.config.ReadsConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadRouterTest {

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

    @Test
    void routePrimarySendsNothingToTheSecondaryAndCountsPrimaryReads() throws Exception {
        db.open(db.reads(ReadRoute.PRIMARY));
        ReadSession session = new ReadSession();

        assertThat(db.source(session)).isEqualTo("primary");
        assertThat(db.source(session)).isEqualTo("primary");

        assertThat(db.stats.primaryReads()).isEqualTo(2);
        assertThat(db.stats.secondaryReads()).isZero();
        assertThat(db.stats.fallbackReads()).isZero();
    }

    @Test
    void routeSecondaryAnswersFromTheSecondaryWithTheBoundValues() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY));
        TestQuery query = db.prepared(BY_ID, new ReadSession()).setInt(1, 2);

        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("id")).isEqualTo(2);
            assertThat(rows.getString("source")).isEqualTo("secondary");
            assertThat(rows.next()).isFalse();
        }
        assertThat(db.stats.secondaryReads()).isEqualTo(1);
        assertThat(db.stats.primaryReads()).isZero();
    }

    @Test
    void aPlainStatementIsRoutedWithItsSqlText() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY));
        TestQuery query = db.plain(new ReadSession());

        try (ResultSet rows = db.executeQuery(query, "SELECT source FROM items WHERE id = 3")) {
            assertThat(sourceOf(rows)).isEqualTo("secondary");
        }
    }

    @Test
    void aWriteIsNoReadToRouteNorToCount() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY));

        assertThat(db.router.enter(db.plain(new ReadSession()), "UPDATE items SET source = 'x'", false)).isNull();

        assertThat(db.stats.primaryReads() + db.stats.secondaryReads()).isZero();
    }

    @Test
    void aConnectionOutsideAutoCommitReadsFromThePrimary() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY));
        Connection connection = db.connection();
        connection.setAutoCommit(false);
        TestQuery query = new TestQuery(connection.prepareStatement(BY_ID), BY_ID, new ReadSession()).setInt(1, 1);

        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(sourceOf(rows)).isEqualTo("primary");
        }
        assertThat(db.stats.primaryReads()).isEqualTo(1);
        assertThat(db.stats.secondaryReads()).isZero();
    }

    @Test
    void aLockingReadStaysOnThePrimary() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY));
        String sql = "SELECT id, source FROM items WHERE id = ? FOR UPDATE";
        TestQuery query = db.prepared(sql, new ReadSession()).setInt(1, 1);

        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(sourceOf(rows)).isEqualTo("primary");
        }
        assertThat(db.stats.secondaryReads()).isZero();
    }

    @Test
    void aReadSoonAfterTheConnectionWroteStaysOnThePrimary() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY).withReadYourWritesMs(ReadsConfig.MAX_READ_YOUR_WRITES_MS));
        ReadSession session = new ReadSession();
        ReadSession other = new ReadSession();

        session.wrote(true);

        assertThat(db.source(session)).isEqualTo("primary");
        assertThat(db.source(other)).as("another connection did not write").isEqualTo("secondary");
    }

    @Test
    void aReadAfterTheReadYourWritesWindowGoesToTheSecondary() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY).withReadYourWritesMs(50));
        ReadSession session = new ReadSession();

        session.wrote(true);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> db.source(session).equals("secondary"));
    }

    @Test
    void aTransactionsWritesCountFromItsCommitNotFromTheWrite() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY).withReadYourWritesMs(ReadsConfig.MAX_READ_YOUR_WRITES_MS));
        ReadSession session = new ReadSession();

        session.wrote(false);
        assertThat(db.source(session)).as("not committed yet").isEqualTo("secondary");
        session.transactionEnded(false);
        assertThat(db.source(session)).as("rolled back").isEqualTo("secondary");

        session.wrote(false);
        session.transactionEnded(true);
        assertThat(db.source(session)).as("committed").isEqualTo("primary");
    }

    @Test
    void aReadOfAnExcludedTableStaysOnThePrimary() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY).withTables(ReadFixture.excluding("ITEMS", "items")));

        assertThat(db.source(new ReadSession())).isEqualTo("primary");

        TestQuery other = db.prepared("SELECT name FROM shared WHERE id = ?", new ReadSession()).setInt(1, 1);
        try (ResultSet rows = db.executeQuery(other)) {
            assertThat(rows.next()).isTrue();
        }
        assertThat(db.stats.secondaryReads()).as("a table not excluded").isEqualTo(1);
    }

    @Test
    void aReadWhoseTablesAreNotAllKnownStaysOnThePrimaryWhenTablesAreExcluded() throws Exception {
        // a nested WITH whose main statement is TABLE: the analyzer cannot be sure of the tables read
        String nested = "SELECT source FROM (WITH c AS (SELECT * FROM items) TABLE c) x WHERE id = 1";
        assertThat(io.dualwrite.agent.sql.ReadAnalyzer.analyze(nested).tablesKnown()).isFalse();
        db.open(db.reads(ReadRoute.SECONDARY).withTables(ReadFixture.excluding("audit")));
        try (ResultSet rows = db.executeQuery(db.plain(new ReadSession()), nested)) {
            assertThat(sourceOf(rows)).isEqualTo("primary");
        }

        db.router.configure(db.reads(ReadRoute.SECONDARY), true);
        try (ResultSet rows = db.executeQuery(db.plain(new ReadSession()), nested)) {
            assertThat(sourceOf(rows)).as("nothing excluded").isEqualTo("secondary");
        }
    }

    @Test
    void anUpdatableResultIsThePrimarys() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY));
        PreparedStatement updatable = db.primary.prepareStatement(BY_ID, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_UPDATABLE);
        TestQuery query = new TestQuery(updatable, BY_ID, new ReadSession()).setInt(1, 1);

        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(sourceOf(rows)).isEqualTo("primary");
        }
        assertThat(db.stats.secondaryReads()).isZero();
    }

    @Test
    void splitAtZeroPercentNeverReadsTheSecondary() throws Exception {
        db.open(db.reads(ReadRoute.SPLIT).withSecondaryPercent(0));
        for (int i = 0; i < 50; i++) {
            assertThat(db.source(new ReadSession())).isEqualTo("primary");
        }
        assertThat(db.stats.primaryReads()).isEqualTo(50);
    }

    @Test
    void splitAtHundredPercentAlwaysReadsTheSecondary() throws Exception {
        db.open(db.reads(ReadRoute.SPLIT).withSecondaryPercent(100));
        for (int i = 0; i < 50; i++) {
            assertThat(db.source(new ReadSession())).isEqualTo("secondary");
        }
        assertThat(db.stats.secondaryReads()).isEqualTo(50);
    }

    @Test
    void aStickyConnectionReadsAllFromTheSideItDrew() throws Exception {
        db.open(db.reads(ReadRoute.SPLIT).withSecondaryPercent(50).withSticky(ReadSticky.CONNECTION));
        Set<String> sidesDrawn = new HashSet<>();
        for (int connection = 0; connection < 40; connection++) {
            ReadSession session = new ReadSession();
            String first = db.source(session);
            sidesDrawn.add(first);
            for (int read = 0; read < 10; read++) {
                assertThat(db.source(session)).isEqualTo(first);
            }
        }
        assertThat(sidesDrawn).as("40 connections at 50%").containsExactlyInAnyOrder("primary", "secondary");
    }

    @Test
    void aReloadMakesStickyConnectionsDrawAgain() throws Exception {
        ReadsConfig sticky = db.reads(ReadRoute.SPLIT).withSticky(ReadSticky.CONNECTION);
        db.open(sticky.withSecondaryPercent(100));
        ReadSession session = new ReadSession();
        assertThat(db.source(session)).isEqualTo("secondary");

        db.router.configure(sticky.withSecondaryPercent(0), true);
        assertThat(db.source(session)).isEqualTo("primary");

        db.router.configure(sticky.withSecondaryPercent(100), true);
        assertThat(db.source(session)).isEqualTo("secondary");
    }

    @Test
    void disablingTheAgentSendsEveryReadToThePrimary() throws Exception {
        ReadsConfig reads = db.reads(ReadRoute.SECONDARY);
        db.open(reads);
        assertThat(db.source(new ReadSession())).isEqualTo("secondary");

        db.router.configure(reads, false);
        assertThat(db.source(new ReadSession())).isEqualTo("primary");

        db.router.configure(reads, true);
        assertThat(db.source(new ReadSession())).isEqualTo("secondary");
    }

    @Test
    void aTableMissingOnTheSecondaryIsAnsweredByThePrimaryAsAFallback() throws Exception {
        try (Statement ddl = db.secondary.createStatement()) {
            ddl.execute("DROP TABLE items");
        }
        db.open(db.reads(ReadRoute.SECONDARY));

        assertThat(db.source(new ReadSession())).isEqualTo("primary");
        assertThat(db.stats.fallbackReads()).isEqualTo(1);
        assertThat(db.stats.primaryReads()).isEqualTo(1);
        assertThat(db.stats.secondaryReads()).isZero();

        TestQuery other = db.prepared("SELECT name FROM shared WHERE id = ?", new ReadSession()).setInt(1, 1);
        try (ResultSet rows = db.executeQuery(other)) {
            assertThat(rows.next()).isTrue();
        }
        assertThat(db.stats.secondaryReads()).as("a query failing is no outage: the next read tries").isEqualTo(1);
    }

    @Test
    void anUnreachableSecondaryFallsBackOnceThenReadsStayOnThePrimaryWithoutTrying() throws Exception {
        db.open(db.reads(ReadRoute.SECONDARY), "jdbc:h2:tcp://127.0.0.1:1/unreachable", 10_000);

        assertThat(db.source(new ReadSession())).isEqualTo("primary");
        assertThat(db.stats.fallbackReads()).isEqualTo(1);

        for (int i = 0; i < 20; i++) {
            assertThat(db.source(new ReadSession())).isEqualTo("primary");
        }
        assertThat(db.stats.fallbackReads()).as("no further attempt while the circuit is open").isEqualTo(1);
        assertThat(db.stats.primaryReads()).isEqualTo(21);
    }
}
