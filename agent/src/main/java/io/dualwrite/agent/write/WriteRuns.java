package io.dualwrite.agent.write;

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

    /** The single prepared write of an auto-commit unit, which may join a batch of the same SQL; else null. */
    public static PreparedWrite batchable(List<MirroredWrite> unit) {
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
