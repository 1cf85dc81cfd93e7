package io.dualwrite.agent.keys;

import io.dualwrite.agent.translate.KeyedInsert;
import io.dualwrite.agent.translate.SqlDialect;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Which columns of a table the primary generates (serial, identity, sequence default, AUTO_INCREMENT): asked once
 * per table of the application's own connection ({@code DatabaseMetaData.getColumns}, {@code IS_AUTOINCREMENT}),
 * with the agent's hooks off, and kept. A lookup that fails (an aborted transaction, a lost connection) is not
 * kept: the table's keys are unknown this time, and asked again next time.
 */
final class GeneratedColumns {

    private static final int MAX_TABLES = 4096;

    private final SqlDialect dialect;
    private final KeyedInsert rewrite;
    private final Logger log;
    private final ConcurrentHashMap<String, TableKeys> tables = new ConcurrentHashMap<>();
    private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();

    GeneratedColumns(SqlDialect dialect, Logger log) {
        this.dialect = dialect;
        this.rewrite = new KeyedInsert(dialect);
        this.log = log;
    }

    /**
     * The generated columns of {@code table} (unquoted, qualified as written), or null when they cannot be known
     * now.
     */
    TableKeys of(String table, Supplier<Connection> connectionOfStatement) {
        TableKeys keys = tables.get(table);
        if (keys != null) {
            return keys;
        }
        Connection connection = connectionOfStatement.get();
        if (connection == null) {
            return null;
        }
        keys = lookUp(table, connection);
        if (keys != null) {
            if (tables.size() >= MAX_TABLES) {
                tables.clear();
            }
            tables.put(table, keys);
        }
        return keys;
    }

    private TableKeys lookUp(String table, Connection connection) {
        CallDepth.suppress();
        boolean outsideTransaction = false;
        try {
            outsideTransaction = idleWithoutAutoCommit(connection);
            if (outsideTransaction) {
                connection.setAutoCommit(true);
            }
            int dot = table.lastIndexOf('.');
            String qualifier = dot < 0 ? null : table.substring(0, dot);
            String name = table.substring(dot + 1);
            DatabaseMetaData metaData = connection.getMetaData();
            // MariaDB calls a database a catalog, PostgreSQL a schema
            String catalog = dialect == SqlDialect.MYSQL ? (qualifier != null ? qualifier : connection.getCatalog()) : null;
            String schema = dialect == SqlDialect.MYSQL ? null : (qualifier != null ? qualifier : connection.getSchema());
            for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)}) {
                List<String> generated = new ArrayList<>();
                if (columns(metaData, catalog, schema, candidate, generated)) {
                    return TableKeys.of(generated, rewrite);
                }
            }
            return TableKeys.NONE;
        } catch (SQLException | RuntimeException e) {
            if (loggedFailures.add(table)) {
                log.warn("cannot tell which columns of {} the primary generates ({}); its INSERTs are mirrored "
                        + "without the primary's keys until it can", table, e.toString());
            }
            return null;
        } finally {
            if (outsideTransaction) {
                restoreManualCommit(connection, table);
            }
            CallDepth.unsuppress();
        }
    }

    /**
     * Whether {@code connection} is a PostgreSQL one in manual-commit mode with no transaction open. Its driver
     * would begin one for the metadata query, after which the application could no longer set the transaction's
     * isolation or read-only mode: the query then runs in auto-commit, which changes nothing while none is open.
     */
    private boolean idleWithoutAutoCommit(Connection connection) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL || connection.getAutoCommit()) {
            return false;
        }
        try {
            Object state = connection.getClass().getMethod("getTransactionState").invoke(connection);
            return state != null && "IDLE".equals(state.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private void restoreManualCommit(Connection connection, String table) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            log.error("could not turn auto-commit off again after looking up the columns of {} ({}): the "
                    + "application's connection is left in auto-commit", table, e.toString());
        }
    }

    /** Adds the generated columns of table {@code name} to {@code generated}; false when there is no such table. */
    private static boolean columns(DatabaseMetaData metaData, String catalog, String schema, String name,
            List<String> generated) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        String pattern = escape == null || escape.isEmpty() ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        boolean found = false;
        try (ResultSet columns = metaData.getColumns(catalog, schema, pattern, "%")) {
            while (columns.next()) {
                if (!name.equals(columns.getString("TABLE_NAME"))) {
                    continue;
                }
                found = true;
                if ("YES".equalsIgnoreCase(columns.getString("IS_AUTOINCREMENT"))) {
                    generated.add(columns.getString("COLUMN_NAME"));
                }
            }
        }
        return found;
    }
}
