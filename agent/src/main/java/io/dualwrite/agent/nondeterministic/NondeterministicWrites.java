package io.dualwrite.agent.nondeterministic;

import io.dualwrite.agent.config.NondeterministicMode;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.sql.NondeterministicScanner;
import io.dualwrite.agent.sql.NondeterministicSql;
import io.dualwrite.agent.sql.SqlMasking;
import io.dualwrite.agent.sql.SqlTextCache;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * What the agent does about non-deterministic expressions ({@code writes.nondeterministic}): finds them in the SQL
 * of mirrored writes (a cached lexical scan), counts the writes whose two sides evaluate them each on its own, and
 * warns once per SQL text; in rewrite mode, plans the rewriting of prepared statements (once per SQL text, cached).
 */
public final class NondeterministicWrites {

    private static final int CACHE_SIZE = 4096;
    /** Distinct SQL texts warned about, at most; beyond, writes are still counted. */
    private static final int MAX_WARNED = 1000;

    private final NondeterministicMode mode;
    private final WriteStats stats;
    private final Logger log;
    private final SqlTextCache<NondeterministicSql> scans;
    /** A {@link RewritePlan}, or the reason the SQL is left as written. */
    private final SqlTextCache<Object> plans = new SqlTextCache<>(CACHE_SIZE, this::planOrReason);
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** @param backslashEscapes whether the primary reads a backslash in a literal as an escape (MariaDB/MySQL) */
    public NondeterministicWrites(NondeterministicMode mode, boolean backslashEscapes, WriteStats stats, Logger log) {
        this.mode = mode;
        this.stats = stats;
        this.log = log;
        this.scans = new SqlTextCache<>(CACHE_SIZE, sql -> NondeterministicScanner.scan(sql, backslashEscapes));
    }

    public boolean rewrites() {
        return mode == NondeterministicMode.REWRITE;
    }

    /** Whether {@code sql} holds a non-deterministic expression. */
    public boolean holdsAny(String sql) {
        return !scans.get(sql).isEmpty();
    }

    /** Rewrite mode: how a prepared write with this SQL is rewritten, or null when it is prepared as written. */
    public RewritePlan planFor(String sql) {
        if (!rewrites() || !holdsAny(sql)) {
            return null;
        }
        Object plan = plans.get(sql);
        return plan instanceof RewritePlan ? (RewritePlan) plan : null;
    }

    private Object planOrReason(String sql) {
        try {
            return RewritePlan.of(sql, scans.get(sql));
        } catch (RewritePlan.CannotRewrite e) {
            return e.getMessage();
        }
    }

    /**
     * A write about to be mirrored: counted when its SQL makes the two sides evaluate an expression each on its own,
     * with a warning the first time this SQL is seen.
     *
     * @param prepared whether the SQL is a prepared statement's (which rewrite mode could rewrite) or a plain one's
     */
    public void mirrored(String sql, boolean prepared) {
        if (found(sql, prepared)) {
            stats.nondeterministic();
        }
    }

    /** A batch of plain statements about to be mirrored: counted once when any of them holds such an expression. */
    public void mirrored(List<String> sqls) {
        boolean any = false;
        for (String sql : sqls) {
            any |= found(sql, false);
        }
        if (any) {
            stats.nondeterministic();
        }
    }

    private boolean found(String sql, boolean prepared) {
        NondeterministicSql scan = scans.get(sql);
        if (scan.isEmpty()) {
            return false;
        }
        if (warned.size() < MAX_WARNED && warned.add(sql)) {
            log.warn("write with non-deterministic {} mirrored as written, so the primary and the secondary each "
                    + "evaluate them and their values will differ: {}; {}", String.join(", ", scan.names()),
                    remedy(sql, prepared), SqlMasking.mask(sql));
        }
        return true;
    }

    private String remedy(String sql, boolean prepared) {
        if (!rewrites()) {
            return "writes.nondeterministic: rewrite evaluates such expressions once on the primary and binds the "
                    + "same values on both sides, for prepared statements";
        }
        if (!prepared) {
            return "a plain Statement cannot be rewritten, since the agent never splices values into SQL text; a "
                    + "PreparedStatement can";
        }
        Object plan = plans.get(sql);
        return "it could not be rewritten (" + (plan instanceof String ? plan : "it was prepared with prepareCall, "
                + "which is not rewritten") + ")";
    }
}
