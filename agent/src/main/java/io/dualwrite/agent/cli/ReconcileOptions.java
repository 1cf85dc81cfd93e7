package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.TableFilter;
import io.dualwrite.agent.reconcile.TableSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options verify, repair and backfill share: which tables, how many rows a query reads. */
final class ReconcileOptions {

    static final int MAX_CHUNK_SIZE = 10_000;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE,...", description = "The tables to reconcile "
            + "(default: every table both databases have that writes.tables admits).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "1000", description = "Rows read per query, "
            + "1.." + MAX_CHUNK_SIZE + " (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    TableSelection selection(AgentConfig config, List<String> ignoredColumns) throws CommandFailure {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new CommandFailure("--chunk-size " + chunkSize + " is not in 1.." + MAX_CHUNK_SIZE);
        }
        TableFilter mirrored = config.writes().tables();
        try {
            return new TableSelection(tables, mirrored, ignoredColumns);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
