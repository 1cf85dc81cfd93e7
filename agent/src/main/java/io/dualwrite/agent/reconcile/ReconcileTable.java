package io.dualwrite.agent.reconcile;

/** A table the commands were asked to reconcile: matched on both sides, or with the problem that stops it. */
public final class ReconcileTable {

    private final String name;
    private final TablePair pair;
    private final String problem;

    ReconcileTable(String name, TablePair pair, String problem) {
        this.name = name;
        this.pair = pair;
        this.problem = problem;
    }

    public String name() {
        return name;
    }

    /** Why the table cannot be reconciled; null when it can. */
    public String problem() {
        return problem;
    }

    /** The key's column names, as the primary has them; empty for a table with a problem. */
    public java.util.List<String> keyColumns() {
        return pair == null ? java.util.Collections.emptyList() : pair.columnNames(Side.PRIMARY, true);
    }

    /** Columns only one side has, which are neither compared nor copied, for a warning; null when none. */
    public String unmatchedColumns() {
        if (pair == null || pair.onlyOnPrimary.isEmpty() && pair.onlyOnSecondary.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (!pair.onlyOnPrimary.isEmpty()) {
            text.append("only on the primary: ").append(pair.onlyOnPrimary);
        }
        if (!pair.onlyOnSecondary.isEmpty()) {
            text.append(text.length() > 0 ? "; " : "").append("only on the secondary: ").append(pair.onlyOnSecondary);
        }
        return text.toString();
    }

    TablePair pair() {
        return pair;
    }
}
