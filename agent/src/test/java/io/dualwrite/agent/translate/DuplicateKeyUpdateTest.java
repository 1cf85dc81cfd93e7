package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.config.TableMapping;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** MariaDB's ON DUPLICATE KEY UPDATE to PostgreSQL, given the secondary's unique keys. */
class DuplicateKeyUpdateTest {

    private static final UniqueKey ORDERS_PKEY = new UniqueKey("orders_pkey", List.of("id"), false);
    private static final UniqueKey ORDERS_EMAIL = new UniqueKey("orders_email_key", List.of("email"), false);

    private final StatementTranslator translator = new StatementTranslator(SqlDialect.MYSQL, SqlDialect.POSTGRESQL,
            MappingConfig.empty());

    private static UniqueKeys keys(Map<String, List<UniqueKey>> byTable) {
        return (schema, table) -> byTable.getOrDefault(table, List.of());
    }

    private String toPostgresql(String sql, Map<String, List<UniqueKey>> byTable) throws SQLException {
        return translator.translate(sql, keys(byTable)).sql();
    }

    private void assertRefused(String sql, Map<String, List<UniqueKey>> byTable, String... reason) {
        assertThatThrownBy(() -> translator.translate(sql, keys(byTable))).as(sql)
                .isInstanceOf(UntranslatableStatementException.class)
                .hasMessageContainingAll(reason)
                .extracting(e -> ((UntranslatableStatementException) e).getSQLState())
                .isEqualTo(UntranslatableStatementException.SQL_STATE);
    }

    /** The conflict target's spacing is JSqlParser's printing, the same for a parsed ON CONFLICT. */
    @Test
    void theOnlyUniqueKeyBecomesTheConflictTargetValuesBecomeExcludedAndBareColumnsTheExistingRow()
            throws Exception {
        String sql = "INSERT INTO `orders` (id, status, n) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE status = VALUES(status), n = n + 1";

        assertThat(toPostgresql(sql, Map.of("orders", List.of(ORDERS_PKEY)))).isEqualTo("INSERT INTO orders "
                + "(id, status, n) VALUES (?, ?, ?) ON CONFLICT (  id )  DO UPDATE SET status = EXCLUDED.status, "
                + "n = orders.n + 1");
    }

    @Test
    void aCompositeKeyNamesAllItsColumnsInOrder() throws Exception {
        UniqueKey composite = new UniqueKey("lines_pkey", List.of("order_id", "line"), false);

        assertThat(toPostgresql("INSERT INTO lines (order_id, line, qty) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty)", Map.of("lines", List.of(composite))))
                .isEqualTo("INSERT INTO lines (order_id, line, qty) VALUES (?, ?, ?) "
                        + "ON CONFLICT (  order_id, line )  DO UPDATE SET qty = lines.qty + EXCLUDED.qty");
    }

    @Test
    void aTableWithoutUniqueKeyIsRefused() {
        assertRefused("INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = VALUES(n)", Map.of(),
                "orders has no unique key on the secondary", "ON CONFLICT on the one it names");
    }

    @Test
    void aTableWithTwoUniqueKeysIsRefusedNamingThem() {
        assertRefused("INSERT INTO orders (id, email) VALUES (?, ?) ON DUPLICATE KEY UPDATE email = VALUES(email)",
                Map.of("orders", List.of(ORDERS_PKEY, ORDERS_EMAIL)),
                "orders has 2 unique keys on the secondary (orders_pkey (id), orders_email_key (email))",
                "acts on a conflict with any unique key");
    }

    @Test
    void anOnlyPartialUniqueKeyIsRefused() {
        assertRefused("INSERT INTO orders (id) VALUES (?) ON DUPLICATE KEY UPDATE id = VALUES(id)",
                Map.of("orders", List.of(new UniqueKey("orders_open", List.of("id"), true))), "covers some rows");
    }

    @Test
    void theValuesStillFollowTheirPlaceholders() throws Exception {
        String sql = "INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = n + ?";
        toPostgresql(sql, Map.of("orders", List.of(ORDERS_PKEY)));
        Parameter[] primary = {Parameter.constant(1, 7), Parameter.constant(2, 8), Parameter.constant(3, 9)};

        Object[] bound = Arrays.stream(translator.translate(sql, keys(Map.of())).bind(primary))
                .map(Parameter::value).toArray();

        assertThat(bound).containsExactly(7, 8, 9);
    }

    @Test
    void valuesInsideFunctionsAndCaseAreExcludedToo() throws Exception {
        assertThat(toPostgresql("INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE "
                + "n = GREATEST(n, VALUES(n)), m = CASE WHEN VALUES(n) > 3 THEN 1 ELSE m END",
                Map.of("orders", List.of(ORDERS_PKEY))))
                .endsWith("DO UPDATE SET n = GREATEST(orders.n, EXCLUDED.n), "
                        + "m = CASE WHEN EXCLUDED.n > 3 THEN 1 ELSE orders.m END");
    }

    @Test
    void aValuesCallWhereTheRewriteDoesNotReachIsRefusedAndAStringSayingValuesIsNot() throws Exception {
        assertRefused("INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE "
                + "n = (VALUES(n) BETWEEN 1 AND 5)", Map.of("orders", List.of(ORDERS_PKEY)),
                "VALUES(n) is not translated to PostgreSQL where it stands");
        assertThat(toPostgresql("INSERT INTO orders (id, note) VALUES (?, ?) ON DUPLICATE KEY UPDATE "
                + "note = 'values(x)'", Map.of("orders", List.of(ORDERS_PKEY)))).endsWith("SET note = 'values(x)'");
    }

    @Test
    void aValueReadingAColumnAssignedBeforeItIsRefused() {
        assertRefused("INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = n + 1, m = n",
                Map.of("orders", List.of(ORDERS_PKEY)), "reads n after assigning it");
    }

    @Test
    void aSubqueryInTheUpdateIsRefused() {
        assertRefused("INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = (SELECT max(n) FROM x)",
                Map.of("orders", List.of(ORDERS_PKEY)), "subquery");
    }

    @Test
    void theRowAliasFormIsRefusedAsTheParserCannotReadIt() {
        assertRefused("INSERT INTO orders (id, n) VALUES (?, ?) AS new ON DUPLICATE KEY UPDATE n = new.n",
                Map.of("orders", List.of(ORDERS_PKEY)), "the SQL parser could not read it");
    }

    @Test
    void aMappedTableIsLookedUpByItsSecondaryName() throws Exception {
        StatementTranslator mapped = new StatementTranslator(SqlDialect.MYSQL, SqlDialect.POSTGRESQL,
                new MappingConfig(Map.of("orders", new TableMapping("orders", "orders_v2", Map.of("n", "amount"),
                        Set.of(), Map.of()))));
        List<String> asked = new ArrayList<>();

        String sql = mapped.translate("INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE "
                + "n = n + VALUES(n)", (schema, table) -> {
                    asked.add(table);
                    return List.of(new UniqueKey("orders_v2_pkey", List.of("id"), false));
                }).sql();

        assertThat(asked).containsExactly("orders_v2");
        assertThat(sql).isEqualTo("INSERT INTO orders_v2 (id, amount) VALUES (?, ?) ON CONFLICT (  id )  DO UPDATE "
                + "SET amount = orders_v2.amount + EXCLUDED.amount");
    }

    @Test
    void theKeysAreReadOncePerTableAndAFailedReadIsNotKept() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        UniqueKeys failingOnce = (schema, table) -> {
            if (reads.incrementAndGet() == 1) {
                throw new SQLException("connection reset");
            }
            return List.of(ORDERS_PKEY);
        };
        String first = "INSERT INTO orders (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = VALUES(n)";
        String second = "INSERT INTO orders (id, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + 1";

        assertThatThrownBy(() -> translator.translate(first, failingOnce)).hasMessage("connection reset");
        translator.translate(first, failingOnce);
        translator.translate(first, failingOnce);
        translator.translate(second, failingOnce);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aQuotedCapitalisedKeyColumnStaysQuoted() throws Exception {
        assertThat(toPostgresql("INSERT INTO orders (`Id`, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = VALUES(n)",
                Map.of("orders", List.of(new UniqueKey("orders_pkey", List.of("Id"), false)))))
                .contains("ON CONFLICT (  \"Id\" )  DO UPDATE SET n = EXCLUDED.n");
    }
}
