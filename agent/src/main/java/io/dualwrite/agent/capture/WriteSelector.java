package io.dualwrite.agent.capture;

import io.dualwrite.agent.config.WritesConfig;
import io.dualwrite.agent.sql.SqlInfo;
import io.dualwrite.agent.sql.SqlKind;
import io.dualwrite.agent.sql.SqlMasking;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Decides what becomes of a statement the primary executed: mirrored, skipped (and counted), or not a write. Public
 * for the {@code explain} command, which shows the agent's own decision.
 */
public final class WriteSelector {

    public enum Decision { MIRROR, SKIP, NOT_A_WRITE }

    private static final int MAX_WARNED = 1000;

    private final WritesConfig writes;
    private final Logger log;
    private final Set<String> warnedProcedures = ConcurrentHashMap.newKeySet();

    public WriteSelector(WritesConfig writes, Logger log) {
        this.writes = writes;
        this.log = log;
    }

    public Decision decide(SqlInfo info, String sql) {
        SqlKind kind = info.kind();
        if (kind == SqlKind.READ || kind == SqlKind.OTHER) {
            return Decision.NOT_A_WRITE;
        }
        if (kind == SqlKind.PROCEDURE) {
            warnOnce(sql);
            return Decision.SKIP;
        }
        if (kind == SqlKind.DDL && !writes.ddl()) {
            return Decision.SKIP;
        }
        return writes.tables().includes(info.table()) ? Decision.MIRROR : Decision.SKIP;
    }

    /** Whether statements with this SQL need following at all: reads never do. */
    static boolean mayWrite(SqlInfo info) {
        return info.kind() != SqlKind.READ && info.kind() != SqlKind.OTHER;
    }

    private void warnOnce(String sql) {
        if (warnedProcedures.size() < MAX_WARNED && warnedProcedures.add(sql)) {
            log.warn("stored-procedure call not mirrored (the secondary does not see what it writes): {}",
                    SqlMasking.mask(sql));
        }
    }
}
