package io.dualwrite.agent.read;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ReadRoute;
import io.dualwrite.agent.config.ReadSticky;
import io.dualwrite.agent.config.ReadsConfig;
import io.dualwrite.agent.config.TableFilter;
import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.mirror.FailureLog;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.agent.mirror.SecondaryPool;
import io.dualwrite.agent.shadow.MismatchLog;
import io.dualwrite.agent.shadow.RowsCopy;
import io.dualwrite.agent.shadow.ShadowComparisons;
import io.dualwrite.agent.shadow.ShadowRead;
import io.dualwrite.agent.sql.ReadInfo;
import io.dualwrite.agent.sql.ReadAnalyzer;
import io.dualwrite.agent.sql.SqlTextCache;
import io.dualwrite.agent.write.WriteUnit;
import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.CallDepth;
import io.dualwrite.bootstrap.JdbcHooks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;

/**
 * Decides where each read of a followed connection is answered, as {@code reads} says now: the primary, the
 * secondary, or the primary with a shadow comparison on the secondary. A read stays on the primary whenever the
 * secondary's answer could rightly differ: inside a transaction, with a locking clause or a side effect, soon
 * after the connection wrote, on a table outside {@code reads.tables}, or for an updatable result. A routed read
 * that the secondary fails is answered by the primary; the application never sees the failure.
 */
public final class ReadRouter implements AutoCloseable, ShadowTee.Comparisons {

    private static final int ANALYSIS_CACHE_SIZE = 4096;

    private final SqlTextCache<ReadInfo> analyses = new SqlTextCache<>(ANALYSIS_CACHE_SIZE, ReadAnalyzer::analyze);
    private final SecondaryReads secondary;
    private final ShadowComparisons comparisons;
    private final MismatchLog mismatches;
    private final ShadowCounts counts;
    private final ReadStats stats;
    private final FailureLog failures;
    private final ReadCircuit circuit = new ReadCircuit();
    private volatile Routing routing;

    /** The routing in force: the configuration, whether the agent is on, and a generation for sticky choices. */
    private static final class Routing {
        final ReadsConfig reads;
        final boolean enabled;
        final int generation;

        Routing(ReadsConfig reads, boolean enabled, int generation) {
            this.reads = reads;
            this.enabled = enabled;
            this.generation = generation;
        }
    }

    ReadRouter(ReadsConfig reads, boolean enabled, SecondaryReads secondary, ShadowComparisons comparisons,
            MismatchLog mismatches, ShadowCounts counts, ReadStats stats, FailureLog failures) {
        this.counts = counts;
        this.routing = new Routing(reads, enabled, 0);
        this.secondary = secondary;
        this.comparisons = comparisons;
        this.mismatches = mismatches;
        this.stats = stats;
        this.failures = failures;
    }

    /**
     * The router for the agent's configuration. Nothing is opened yet: the read pool connects on the first
     * routed read, the comparison threads start with the first shadowed one, the mismatch log at the first
     * mismatch.
     */
    public static ReadRouter open(AgentConfig config, Mirror mirror, ReadStats stats, FailureLog failures,
            Logger log) {
        ReadsConfig reads = config.reads();
        SecondaryReads secondary = new SecondaryReads(mirror.newPool(config.secondary(), reads.poolSize()),
                config.secondary().statementTimeoutMs());
        MismatchLog mismatches = new MismatchLog(reads.mismatchLog(), reads.maskValues(), log);
        ShadowCounts counts = new ShadowCounts(stats);
        ShadowComparisons comparisons = new ShadowComparisons(reads.shadowThreads(), reads.shadowQueueCapacity(),
                counts, mismatches);
        return new ReadRouter(reads, config.enabled(), secondary, comparisons, mismatches, counts, stats, failures);
    }

    /** Applies a reloaded {@code reads} section, or {@code enabled}: sticky connections draw their side again. */
    public void configure(ReadsConfig reads, boolean enabled) {
        routing = new Routing(reads, enabled, routing.generation + 1);
        mismatches.maskValues(reads.maskValues());
    }

    /**
     * The application runs a query: returns the secondary's answer, or null for the primary to answer (a
     * shadowed read is then armed for {@link #result}).
     *
     * @param rows true for {@code executeQuery}, false for {@code execute}
     */
    public AgentAnswer enter(QueryStatement statement, String sql, boolean rows) {
        StatementReads reads = statement.reads();
        reads.end();
        ReadInfo info = analyses.get(sql);
        if (!info.isSelect()) {
            return null;
        }
        Routing now = routing;
        ReadRoute route = now.enabled && eligible(statement, info, now.reads) ? now.reads.route() : ReadRoute.PRIMARY;
        if (route == ReadRoute.SHADOW) {
            if (Percent.draw(now.reads.shadowPercent()) && readOnly(statement)) {
                reads.arm(new ShadowPlan(sql, parametersOf(statement), info.ordered(), now.reads.shadowMaxRows()));
            }
        } else if (route != ReadRoute.PRIMARY && toSecondary(statement, now) && circuit.allows()
                && readOnly(statement)) {
            // null after a failure, already counted as a fallback, which is a primary read
            return fromSecondary(statement, sql, rows);
        }
        stats.primary();
        return null;
    }

    private boolean eligible(QueryStatement statement, ReadInfo info, ReadsConfig reads) {
        return reads.route() != ReadRoute.PRIMARY && info.routable() && statement.autoCommit()
                && !statement.session().wroteWithin(reads.readYourWritesMs()) && readsIncluded(info, reads.tables());
    }

    /** Every table read is included; a read whose tables are not all known only when nothing is left out. */
    private static boolean readsIncluded(ReadInfo info, TableFilter tables) {
        if (!info.tablesKnown()) {
            return tables.includes(null) && tables.exclude().isEmpty();
        }
        List<String> names = info.tables();
        for (int i = 0; i < names.size(); i++) {
            if (!tables.includes(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean toSecondary(QueryStatement statement, Routing now) {
        ReadsConfig reads = now.reads;
        if (reads.route() == ReadRoute.SECONDARY) {
            return true;
        }
        return reads.sticky() == ReadSticky.CONNECTION
                ? statement.session().stickToSecondary(now.generation, reads.secondaryPercent())
                : Percent.draw(reads.secondaryPercent());
    }

    /** An updatable result set writes through its rows: those must be the primary's. */
    private static boolean readOnly(QueryStatement statement) {
        CallDepth.suppress();
        try {
            return ((Statement) statement.statement()).getResultSetConcurrency() == ResultSet.CONCUR_READ_ONLY;
        } catch (SQLException | RuntimeException e) {
            return false;
        } finally {
            CallDepth.unsuppress();
        }
    }

    private AgentAnswer fromSecondary(QueryStatement statement, String sql, boolean rows) {
        RoutedResultSet result;
        try {
            result = secondary.query(statement, sql, parametersOf(statement));
        } catch (SQLException e) {
            if (!(e instanceof SecondaryPool.Busy) && WriteUnit.isConnectionLost(e)) {
                circuit.unreachable();
            }
            stats.fallback();
            failures.record("a read routed to the secondary failed", e, "answered by the primary");
            return null;
        }
        circuit.succeeded();
        stats.secondary();
        statement.reads().routed(result);
        return rows ? new AgentAnswer(result.proxy()) : new AgentAnswer(Boolean.TRUE);
    }

    private static Parameter[] parametersOf(QueryStatement statement) {
        return statement.preparedSql() == null ? null : statement.parameters();
    }

    /**
     * The primary answered the outermost query call with {@code result}, a result set or, from {@code execute},
     * whether it returned one: a shadowed read's rows are handed back wrapped, to be copied as they are read.
     */
    public Object result(StatementReads reads, Object result) {
        ShadowPlan plan = reads.takeArmed();
        if (plan == null) {
            return result;
        }
        if (result instanceof ResultSet) {
            return tee(reads, plan, (ResultSet) result);
        }
        if (Boolean.TRUE.equals(result)) {
            reads.awaitResultSet(plan);
        }
        return result;
    }

    /** {@code getResultSet()} returned the primary's rows of a shadowed {@code execute}. */
    public Object resultSet(StatementReads reads, Object result) {
        ShadowPlan plan = reads.takeForResultSet();
        return plan == null || !(result instanceof ResultSet) ? result : tee(reads, plan, (ResultSet) result);
    }

    private Object tee(StatementReads reads, ShadowPlan plan, ResultSet rows) {
        try {
            ShadowTee tee = new ShadowTee(rows, plan, this, counts);
            reads.copying(tee);
            return tee.proxy();
        } catch (SQLException | RuntimeException e) {
            counts.skipped();
            return rows;
        }
    }

    /**
     * Answers {@code getResultSet}, {@code getUpdateCount} and {@code getMoreResults} after a routed query; before
     * the driver's {@code getMoreResults} closes a shadowed read's rows, their copy is finished.
     */
    public AgentAnswer resultCall(StatementReads reads, int which) {
        RoutedResultSet routed = reads.routed();
        if (routed == null) {
            if (which == JdbcHooks.MORE_RESULTS) {
                reads.finishCopy();
            }
            return null;
        }
        switch (which) {
            case JdbcHooks.RESULT_SET:
                return reads.moreResultsTaken() ? AgentAnswer.NO_RESULT_SET : new AgentAnswer(routed.proxy());
            case JdbcHooks.UPDATE_COUNT:
                return AgentAnswer.NOT_AN_UPDATE_COUNT;
            case JdbcHooks.LARGE_UPDATE_COUNT:
                return AgentAnswer.NOT_A_LARGE_UPDATE_COUNT;
            default:
                reads.takeMoreResults();
                return AgentAnswer.NO_MORE_RESULTS;
        }
    }

    @Override
    public void compare(ShadowPlan plan, RowsCopy primaryRows) {
        comparisons.submit(new ShadowRead(plan.sql, plan.parameters, plan.ordered, plan.maxRows, primaryRows,
                secondary::copy));
    }

    @Override
    public void close() {
        comparisons.close();
        secondary.close();
    }
}
