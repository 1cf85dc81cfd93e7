package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.translate.JdbcUniqueKeys;
import io.dualwrite.agent.translate.SqlDialect;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.translate.UniqueKey;
import io.dualwrite.agent.translate.UntranslatableStatementException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unique keys of a real PostgreSQL secondary, as the translation of MariaDB's ON DUPLICATE KEY UPDATE reads
 * them from JDBC metadata: its primary key, unique constraints and indexes, and no other table's.
 */
class SecondaryUniqueKeysIT extends DatabasePairPerClass {

    SecondaryUniqueKeysIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }

    private static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    @Test
    void aPrimaryKeyAndAUniqueConstraintAreTwoKeysAndTheUpsertIsRefusedNamingBoth() throws SQLException {
        try (Connection connection = secondary().connect()) {
            execute(connection, "DROP TABLE IF EXISTS uk_people",
                    "CREATE TABLE uk_people (id BIGINT PRIMARY KEY, email VARCHAR(100) UNIQUE, n INT)");
            StatementTranslator translator = new StatementTranslator(SqlDialect.MYSQL, SqlDialect.POSTGRESQL,
                    MappingConfig.empty());

            assertThat(new JdbcUniqueKeys(connection).of(null, "uk_people")).containsExactlyInAnyOrder(
                    new UniqueKey("uk_people_pkey", List.of("id"), false),
                    new UniqueKey("uk_people_email_key", List.of("email"), false));
            assertThatThrownBy(() -> translator.translate("INSERT INTO uk_people (id, email) VALUES (?, ?) "
                    + "ON DUPLICATE KEY UPDATE email = VALUES(email)", new JdbcUniqueKeys(connection)))
                    .isInstanceOf(UntranslatableStatementException.class)
                    .hasMessageContainingAll("uk_people has 2 unique keys", "uk_people_pkey (id)",
                            "uk_people_email_key (email)");
        }
    }

    @Test
    void aCompositeKeyKeepsItsColumnOrderAndAPartialIndexIsMarked() throws SQLException {
        try (Connection connection = secondary().connect()) {
            execute(connection, "DROP TABLE IF EXISTS uk_lines", "DROP TABLE IF EXISTS uk_plain",
                    "CREATE TABLE uk_lines (order_id BIGINT, line INT, qty INT, PRIMARY KEY (line, order_id))",
                    "CREATE UNIQUE INDEX uk_lines_open ON uk_lines (qty) WHERE qty > 0",
                    "CREATE TABLE uk_plain (n INT)", "CREATE INDEX uk_plain_n ON uk_plain (n)");

            assertThat(new JdbcUniqueKeys(connection).of(null, "uk_lines")).containsExactlyInAnyOrder(
                    new UniqueKey("uk_lines_pkey", List.of("line", "order_id"), false),
                    new UniqueKey("uk_lines_open", List.of("qty"), true));
            assertThat(new JdbcUniqueKeys(connection).of(null, "uk_plain")).as("a table with a non-unique index")
                    .isEmpty();
        }
    }
}
