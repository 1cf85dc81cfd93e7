package io.dualwrite.agent.read;

import static io.dualwrite.agent.read.ReadFixture.BY_ID;
import static io.dualwrite.agent.read.ReadFixture.sourceOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.config.ReadRoute;
import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.JdbcHooks;
import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutedResultSetTest {

    @TempDir
    Path dir;

    private ReadFixture db;

    @BeforeEach
    void databases() throws Exception {
        db = new ReadFixture(dir);
        db.open(db.reads(ReadRoute.SECONDARY, 1, 1_000));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void theResultsStatementIsTheApplicationsOwn() throws Exception {
        TestQuery query = db.prepared(BY_ID, new ReadSession()).setInt(1, 1);

        try (ResultSet rows = db.executeQuery(query)) {
            assertThat(rows.getStatement()).isSameAs(query.jdbc());
            assertThat(sourceOf(rows)).isEqualTo("secondary");
            assertThat(rows.getMetaData().getColumnLabel(2)).isEqualToIgnoringCase("source");
        }
    }

    @Test
    void closingTheResultGivesThePoolConnectionBack() throws Exception {
        ReadSession session = new ReadSession();
        TestQuery first = db.prepared(BY_ID, session).setInt(1, 1);
        ResultSet rows = db.executeQuery(first);
        assertThat(rows.isClosed()).isFalse();
        rows.close();
        assertThat(rows.isClosed()).isTrue();

        assertThat(db.source(session)).as("the pool of one is free again").isEqualTo("secondary");
        assertThat(db.stats.secondaryReads()).isEqualTo(2);
        assertThat(db.stats.fallbackReads()).isZero();
    }

    @Test
    void aReadWhileThePoolIsBusyFallsBackToThePrimaryWithoutWaiting() throws Exception {
        ReadSession session = new ReadSession();
        TestQuery first = db.prepared(BY_ID, session).setInt(1, 1);
        try (ResultSet open = db.executeQuery(first)) {
            assertThat(sourceOf(open)).isEqualTo("secondary");

            assertThat(db.source(session)).isEqualTo("primary");
            assertThat(db.stats.fallbackReads()).isEqualTo(1);
        }
        assertThat(db.source(session)).as("a busy pool is no outage").isEqualTo("secondary");
    }

    @Test
    void runningTheStatementAgainClosesItsLastRoutedResult() throws Exception {
        TestQuery query = db.prepared(BY_ID, new ReadSession()).setInt(1, 1);
        ResultSet first = db.executeQuery(query);

        try (ResultSet second = db.executeQuery(query)) {
            assertThat(first.isClosed()).isTrue();
            assertThat(sourceOf(second)).as("the connection was given back before").isEqualTo("secondary");
        }
        assertThat(db.stats.fallbackReads()).isZero();
    }

    @Test
    void closingTheConnectionClosesTheResultsItHoldsOnTheSecondary() throws Exception {
        ReadSession session = new ReadSession();
        ResultSet rows = db.executeQuery(db.prepared(BY_ID, session).setInt(1, 1));

        session.close();

        assertThat(rows.isClosed()).isTrue();
        assertThat(db.source(new ReadSession())).isEqualTo("secondary");
    }

    @Test
    void aRoutedExecuteAnswersTheResultCallsAsOneResultSetAndNothingMore() throws Exception {
        TestQuery query = db.prepared(BY_ID, new ReadSession()).setInt(1, 3);

        AgentAnswer executed = db.router.enter(query, BY_ID, false);
        assertThat(executed).isNotNull();
        assertThat(executed.value).isEqualTo(Boolean.TRUE);

        AgentAnswer resultSet = db.router.resultCall(query.reads(), JdbcHooks.RESULT_SET);
        ResultSet rows = (ResultSet) resultSet.value;
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(3);
        assertThat(rows.getString(2)).isEqualTo("secondary");
        assertThat(rows.getStatement()).isSameAs(query.jdbc());
        assertThat(db.router.resultCall(query.reads(), JdbcHooks.UPDATE_COUNT).value).isEqualTo(-1);
        assertThat(db.router.resultCall(query.reads(), JdbcHooks.LARGE_UPDATE_COUNT).value).isEqualTo(-1L);

        assertThat(db.router.resultCall(query.reads(), JdbcHooks.MORE_RESULTS).value).isEqualTo(Boolean.FALSE);
        assertThat(rows.isClosed()).isTrue();
        assertThat(db.router.resultCall(query.reads(), JdbcHooks.RESULT_SET)).isSameAs(AgentAnswer.NO_RESULT_SET);
        assertThat(AgentAnswer.NO_RESULT_SET.value).isNull();
        assertThat(db.router.resultCall(query.reads(), JdbcHooks.UPDATE_COUNT).value).isEqualTo(-1);

        assertThat(db.source(new ReadSession())).as("getMoreResults gave the connection back").isEqualTo("secondary");
    }

    @Test
    void theResultCallsOfAQueryThePrimaryAnsweredAreTheDrivers() throws Exception {
        db.router.configure(db.reads(ReadRoute.PRIMARY), true);
        TestQuery query = db.prepared(BY_ID, new ReadSession()).setInt(1, 1);

        assertThat(db.router.enter(query, BY_ID, false)).isNull();

        assertThat(db.router.resultCall(query.reads(), JdbcHooks.RESULT_SET)).isNull();
        assertThat(db.router.resultCall(query.reads(), JdbcHooks.MORE_RESULTS)).isNull();
    }
}
