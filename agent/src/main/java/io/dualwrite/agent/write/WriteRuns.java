package io.dualwrite.agent.write;

import io.dualwrite.agent.sql.SqlClassifier;
import io.dualwrite.agent.sql.SqlKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of consecutive units (auto-commit writes and transactions), in order, for one transaction on the
 * secondary, each run of auto-commit prepared writes with the same SQL sent as one batch: one round trip for
 * the run instead of one per unit. A transaction's writes are kept as they were.
 */
public final class WriteRuns {

    private WriteRuns() {
    }

    public static List<MirroredWrite> merge(List<List<MirroredWrite>> units) {
        List<MirroredWrite> merged = new ArrayList<>();
        List<PreparedWrite> run = new ArrayList<>();
        for (List<MirroredWrite> unit : units) {
            PreparedWrite batchable = batchable(unit);
            if (!run.isEmpty() && (batchable == null || !batchable.sql().equals(run.get(0).sql()))) {
                endRun(run, merged);
            }
            if (batchable != null) {
                run.add(batchable);
            } else {
                merged.addAll(unit);
            }
        }
        endRun(run, merged);
        return merged;
    }

    /**
     * Whether a unit may share a transaction with others: it only changes data. A schema change commits the
     * transaction it is in on MariaDB and MySQL, so a group holding one could not be rolled back whole, and
     * applying its units one by one after a failure would apply some of them twice.
     */
    public static boolean changesDataOnly(List<MirroredWrite> unit) {
        for (MirroredWrite write : unit) {
            for (String sql : write.sqlTexts()) {
                if (SqlClassifier.classify(sql).kind() != SqlKind.WRITE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The rows (or SQL texts of plain statements) a unit holds. */
    public static int entries(List<MirroredWrite> unit) {
        int entries = 0;
        for (MirroredWrite write : unit) {
            entries += write.entries();
        }
        return entries;
    }

    /** The single prepared write of an auto-commit unit, which may join a batch of the same SQL; else null. */
    private static PreparedWrite batchable(List<MirroredWrite> unit) {
        if (unit.size() != 1 || !(unit.get(0) instanceof PreparedWrite)) {
            return null;
        }
        return (PreparedWrite) unit.get(0);
    }

    /** A run of one stays the write it was, keeping what a single execution may do and a batch may not. */
    private static void endRun(List<PreparedWrite> run, List<MirroredWrite> merged) {
        if (run.size() == 1) {
            merged.add(run.get(0));
        } else if (run.size() > 1) {
            merged.add(PreparedWrite.batchOf(run));
        }
        run.clear();
    }
}
