package io.dualwrite.agent.translate;

import java.sql.SQLException;
import java.util.List;

/**
 * Where the unique keys of the secondary's tables come from: an upsert that does not name its key can be
 * translated only from them.
 */
@FunctionalInterface
public interface UniqueKeys {

    /**
     * The unique keys of {@code table}, as the secondary names it.
     *
     * @param schema the schema the statement names, or null for the connection's current one
     * @throws SQLException when they cannot be read now (nothing is concluded from a failed lookup)
     */
    List<UniqueKey> of(String schema, String table) throws SQLException;
}
