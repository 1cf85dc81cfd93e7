package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.config.MappingConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DialectRewriteTest {

    private static final StatementTranslator PG_TO_MARIADB = new StatementTranslator(SqlDialect.POSTGRESQL,
            SqlDialect.MYSQL, MappingConfig.empty());
    private static final StatementTranslator MARIADB_TO_PG = new StatementTranslator(SqlDialect.MYSQL,
            SqlDialect.POSTGRESQL, MappingConfig.empty());

    private static String toMariadb(String sql) throws UntranslatableStatementException {
        return PG_TO_MARIADB.translate(sql).sql();
    }

    private static String toPostgresql(String sql) throws UntranslatableStatementException {
        return MARIADB_TO_PG.translate(sql).sql();
    }

    /** The values the secondary binds, when the primary bound 1, 2, 3, ... in order. */
    private static Object[] boundValues(StatementTranslator translator, String sql, int primaryParameters)
            throws UntranslatableStatementException {
        Parameter[] primary = new Parameter[primaryParameters];
        for (int i = 0; i < primaryParameters; i++) {
            primary[i] = Parameter.constant(i + 1, "v" + (i + 1));
        }
        return Arrays.stream(translator.translate(sql).bind(primary)).map(Parameter::value).toArray();
    }

    private static void assertRefused(StatementTranslator translator, String sql, String reason) {
        assertThatThrownBy(() -> translator.translate(sql)).as(sql)
                .isInstanceOf(UntranslatableStatementException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((UntranslatableStatementException) e).getSQLState())
                .isEqualTo(UntranslatableStatementException.SQL_STATE);
    }

    @Test
    void aRefusalGivesTheSameReasonEveryTime() {
        String sql = "INSERT INTO t (id) VALUES (?) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING";
        assertRefused(PG_TO_MARIADB, sql, "ON CONFLICT ON CONSTRAINT");
        assertRefused(PG_TO_MARIADB, sql, "ON CONFLICT ON CONSTRAINT");
    }

    @Test
    void sameDialectOnBothSidesRewritesNothing() throws Exception {
        StatementTranslator same = new StatementTranslator(SqlDialect.MYSQL, SqlDialect.MYSQL, MappingConfig.empty());
        assertThat(same.isActive()).isFalse();
        assertThat(same.translate("INSERT INTO `t` VALUES ('a\\b') ON DUPLICATE KEY UPDATE a = 1").isSame()).isTrue();
    }

    @Nested
    class PostgresqlToMariadb {

        @Test
        void plainWritesWithPlaceholdersAreSentAsTheyAre() throws Exception {
            String sql = "UPDATE orders SET amount = ?, status = ? WHERE id = ?";
            assertThat(PG_TO_MARIADB.translate(sql).isSame()).isTrue();
        }

        @Test
        void quotedNamesUseBackticks() throws Exception {
            assertThat(toMariadb("INSERT INTO \"Orders\" (\"id\", \"say \"\"hi\"\"\") VALUES (?, ?)"))
                    .isEqualTo("INSERT INTO `Orders` (`id`, `say \"hi\"`) VALUES (?, ?)");
        }

        @Test
        void backslashesInStandardStringsAreDoubled() throws Exception {
            assertThat(toMariadb("INSERT INTO t (a, b) VALUES ('C:\\dir', 'it''s')"))
                    .isEqualTo("INSERT INTO t (a, b) VALUES ('C:\\\\dir', 'it\\'s')");
        }

        @Test
        void escapeStringsAndDollarQuotesBecomeMariadbLiterals() throws Exception {
            assertThat(toMariadb("INSERT INTO t (a, b, c) VALUES (E'line\\nnext\\\\ \\'q\\' \\x41', $$a'b\\c$$, "
                    + "$t$x$t$)"))
                    .isEqualTo("INSERT INTO t (a, b, c) VALUES ('line\\nnext\\\\ \\'q\\' A', 'a\\'b\\\\c', 'x')");
        }

        @Test
        void escapeStringEscapesAreReadAsPostgresqlReadsThem() throws Exception {
            assertThat(toMariadb("UPDATE t SET a = e'\\101\\u00e9\\%\\q\\x' WHERE id = ?"))
                    .isEqualTo("UPDATE t SET a = 'Aé%qx' WHERE id = ?");
        }

        @Test
        void conflictDoUpdateBecomesDuplicateKeyUpdate() throws Exception {
            assertThat(toMariadb("INSERT INTO t (id, name, n) VALUES (?, ?, ?) ON CONFLICT (id) "
                    + "DO UPDATE SET name = EXCLUDED.name, n = t.n + excluded.n"))
                    .isEqualTo("INSERT INTO t (id, name, n) VALUES (?, ?, ?) "
                            + "ON DUPLICATE KEY UPDATE name = VALUES(name), n = t.n + VALUES(n)");
        }

        @Test
        void conflictDoNothingBecomesInsertIgnore() throws Exception {
            assertThat(toMariadb("INSERT INTO t (id) VALUES (?) ON CONFLICT (id) DO NOTHING"))
                    .isEqualTo("INSERT IGNORE INTO t (id) VALUES (?)");
            assertThat(toMariadb("INSERT INTO t (id) VALUES (?) ON CONFLICT DO NOTHING"))
                    .isEqualTo("INSERT IGNORE INTO t (id) VALUES (?)");
        }

        @Test
        void conflictOnConstraintIsRefused() {
            assertRefused(PG_TO_MARIADB, "INSERT INTO t (id) VALUES (?) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING",
                    "ON CONFLICT ON CONSTRAINT");
        }

        @Test
        void conditionalDoUpdateIsRefused() {
            assertRefused(PG_TO_MARIADB, "INSERT INTO t (id, n) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = "
                    + "EXCLUDED.n WHERE t.n < EXCLUDED.n", "has no condition");
        }

        @Test
        void returningIsDropped() throws Exception {
            assertThat(toMariadb("INSERT INTO t (a) VALUES (?) RETURNING id"))
                    .isEqualTo("INSERT INTO t (a) VALUES (?)");
            assertThat(toMariadb("UPDATE t SET a = ? WHERE id = ? RETURNING *"))
                    .isEqualTo("UPDATE t SET a = ? WHERE id = ?");
            assertThat(toMariadb("DELETE FROM t WHERE id = ? RETURNING id")).isEqualTo("DELETE FROM t WHERE id = ?");
        }

        @Test
        void castsUseMariadbTypes() throws Exception {
            assertThat(toMariadb("INSERT INTO t (a, b, c, d, e, f, g) VALUES (?::int, ?::numeric(10,2), "
                    + "?::varchar(20), ?::text, ?::date, ?::timestamp, CAST(? AS bigint))"))
                    .isEqualTo("INSERT INTO t (a, b, c, d, e, f, g) VALUES (CAST(? AS SIGNED), "
                            + "CAST(? AS DECIMAL (10, 2)), CAST(? AS CHAR (20)), CAST(? AS CHAR), CAST(? AS DATE), CAST(? AS DATETIME (6)), "
                            + "CAST(? AS SIGNED))");
        }

        @Test
        void booleanAndJsonCastsAreDroppedAsMariadbConvertsOnItsOwn() throws Exception {
            assertThat(toMariadb("INSERT INTO t (a, b, c, d) VALUES (?::boolean, 'yes'::bool, 0::boolean, ?::jsonb)"))
                    .isEqualTo("INSERT INTO t (a, b, c, d) VALUES ( ?,  true,  false,  ?)");
        }

        @Test
        void castsToUnknownTypesAreRefused() {
            assertRefused(PG_TO_MARIADB, "INSERT INTO t (a) VALUES (?::interval)", "interval");
            assertRefused(PG_TO_MARIADB, "INSERT INTO t (a) VALUES (?::timestamptz)", "time zone");
            assertRefused(PG_TO_MARIADB, "INSERT INTO t (a) VALUES (?::int[])", "arrays");
        }

        @Test
        void defaultValuesBecomesEmptyValues() throws Exception {
            assertThat(toMariadb("INSERT INTO t DEFAULT VALUES RETURNING id")).isEqualTo("INSERT INTO t () VALUES ()");
        }

        @Test
        void withInFrontOfInsertMovesInFrontOfItsSelect() throws Exception {
            assertThat(toMariadb("WITH x AS (SELECT id FROM s WHERE n > ?) INSERT INTO t (id) SELECT id FROM x "
                    + "WHERE id < ?"))
                    .isEqualTo("INSERT INTO t (id) WITH x AS (SELECT id FROM s WHERE n > ?) SELECT id FROM x "
                            + "WHERE id < ?");
        }

        @Test
        void castsInsideWithAreTranslatedOnce() throws Exception {
            assertThat(toMariadb("WITH x AS (SELECT CAST(? AS BIGINT) AS id) INSERT INTO t (id, n) SELECT id, ? "
                    + "FROM x"))
                    .isEqualTo("INSERT INTO t (id, n) WITH x AS (SELECT CAST(? AS SIGNED) AS id) SELECT id, ? FROM x");
        }

        @Test
        void dataModifyingWithIsRefused() {
            assertRefused(PG_TO_MARIADB, "WITH d AS (DELETE FROM s WHERE id = ? RETURNING *) "
                    + "INSERT INTO t SELECT * FROM d", "changes rows itself");
        }

        @Test
        void concatenationIsRefusedAsMariadbReadsItAsOr() {
            assertRefused(PG_TO_MARIADB, "UPDATE t SET name = name || ? WHERE id = ?", "||");
        }

        @Test
        void valuesFollowTheirPlaceholdersAroundRewrittenParts() throws Exception {
            String sql = "INSERT INTO \"t\" (a, b, c) VALUES (?, ?::int, 'x\\y') ON CONFLICT (a) DO UPDATE SET "
                    + "c = ? RETURNING ?";
            assertThat(boundValues(PG_TO_MARIADB, sql, 4)).containsExactly("v1", "v2", "v3");
        }

        @Test
        void schemaChangesGetTheirNamesAndLiteralsTranslatedButNotTheirTypes() throws Exception {
            assertThat(toMariadb("CREATE TABLE \"Orders\" (id serial, note text DEFAULT 'a\\b')"))
                    .isEqualTo("CREATE TABLE `Orders` (id serial, note text DEFAULT 'a\\\\b')");
        }

        @Test
        void mergeIsRefusedAsMariadbHasNone() {
            assertRefused(PG_TO_MARIADB, "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE",
                    "MERGE statement is not translated");
        }

        @Test
        void unparsableStatementsAreRefusedWithTheParsersReason() {
            assertRefused(PG_TO_MARIADB, "INSERT INTO \"t\" (a) VALUES (1,", "the SQL parser could not read it");
        }
    }

    @Nested
    class MariadbToPostgresql {

        @Test
        void plainWritesWithPlaceholdersAreSentAsTheyAre() throws Exception {
            assertThat(MARIADB_TO_PG.translate("INSERT INTO orders (id, amount) VALUES (?, ?)").isSame()).isTrue();
        }

        @Test
        void backtickNamesAreUnquotedWhenPlainLowerCaseElseDoubleQuoted() throws Exception {
            assertThat(toPostgresql("INSERT INTO `orders` (`id`, `Name`, `order`, `a\"b`) VALUES (?, ?, ?, ?)"))
                    .isEqualTo("INSERT INTO orders (id, \"Name\", \"order\", \"a\"\"b\") VALUES (?, ?, ?, ?)");
        }

        @Test
        void backslashEscapesBecomeStandardOrEscapeStrings() throws Exception {
            assertThat(toPostgresql("INSERT INTO t (a, b, c, d) VALUES ('it\\'s', 'a\\\\b', 'x\\ny\\tz', \"dq\\\"s\")"))
                    .isEqualTo("INSERT INTO t (a, b, c, d) VALUES ('it''s', E'a\\\\b', E'x\\ny\\tz', 'dq\"s')");
        }

        @Test
        void mariadbEscapesAreReadAsMariadbReadsThem() throws Exception {
            assertThat(toPostgresql("UPDATE t SET a = 'x\\%\\_\\q\\101\\Z' WHERE id = ?"))
                    .isEqualTo("UPDATE t SET a = E'x\\\\%\\\\_q101\\x1a' WHERE id = ?");
        }

        @Test
        void nulCharacterIsRefusedAsPostgresqlTextCannotHoldIt() {
            assertRefused(MARIADB_TO_PG, "INSERT INTO t (a) VALUES ('a\\0b')", "NUL");
        }

        @Test
        void insertIgnoreBecomesConflictDoNothing() throws Exception {
            assertThat(toPostgresql("INSERT IGNORE INTO t (id) VALUES (?)"))
                    .isEqualTo("INSERT INTO t (id) VALUES (?) ON CONFLICT DO NOTHING");
        }

        @Test
        void duplicateKeyUpdateWithoutTheSecondaryAtHandSaysItNeedsItsUniqueKeys() {
            assertRefused(MARIADB_TO_PG, "INSERT INTO t (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = VALUES(n)",
                    "unique keys of t on the secondary");
        }

        @Test
        void insertSetBecomesColumnsAndValues() throws Exception {
            String sql = "INSERT INTO `t` SET a = ?, b = 'x', c = ?";
            assertThat(toPostgresql(sql)).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, 'x', ?)");
            assertThat(boundValues(MARIADB_TO_PG, sql, 2)).containsExactly("v1", "v2");
        }

        @Test
        void returningIsDropped() throws Exception {
            assertThat(toPostgresql("DELETE FROM t WHERE id = ? RETURNING id")).isEqualTo("DELETE FROM t WHERE id = ?");
        }

        @Test
        void castsUsePostgresqlTypes() throws Exception {
            assertThat(toPostgresql("UPDATE t SET a = CAST(? AS SIGNED), b = CAST(? AS CHAR(5)), "
                    + "c = CAST(? AS DATETIME), d = CAST(? AS DECIMAL(8,3)) WHERE id = ?"))
                    .isEqualTo("UPDATE t SET a = CAST(? AS bigint), b = CAST(? AS varchar (5)), "
                            + "c = CAST(? AS timestamp (0)), d = CAST(? AS numeric (8, 3)) WHERE id = ?");
            assertRefused(MARIADB_TO_PG, "UPDATE t SET a = CAST(? AS UNSIGNED)", "unsigned");
        }

        @Test
        void emptyValuesBecomeDefaultValues() throws Exception {
            assertThat(toPostgresql("INSERT INTO `t` () VALUES ()")).isEqualTo("INSERT INTO t DEFAULT VALUES");
            assertThat(toPostgresql("INSERT INTO t VALUES ( )")).isEqualTo("INSERT INTO t DEFAULT VALUES");
            assertRefused(MARIADB_TO_PG, "INSERT INTO t VALUES (), ()", "several rows");
        }

        @Test
        void insertWithSelectStaysAsPostgresqlReadsIt() throws Exception {
            assertThat(toPostgresql("INSERT INTO `t` (id) WITH x AS (SELECT 1 AS id) SELECT id FROM x"))
                    .isEqualTo("INSERT INTO t (id) WITH x AS (SELECT 1 AS id) SELECT id FROM x");
        }

        @Test
        void castsInsideWithAreTranslatedOnce() throws Exception {
            assertThat(toPostgresql("INSERT INTO t (id, n) WITH x AS (SELECT CAST(? AS SIGNED) AS id) SELECT "
                    + "id, ? FROM x"))
                    .isEqualTo("INSERT INTO t (id, n) WITH x AS (SELECT CAST(? AS bigint) AS id) SELECT id, ? FROM x");
        }

        @Test
        void hashCommentsAndExecutableCommentsAreHandled() throws Exception {
            assertThat(toPostgresql("UPDATE `t` SET a = ? # set it\nWHERE id = ?")).isEqualTo("UPDATE t SET a = "
                    + "? WHERE id = ?");
            assertRefused(MARIADB_TO_PG, "INSERT /*! IGNORE */ INTO `t` VALUES (?)", "executable comment");
        }

        @Test
        void replaceAndLimitedWritesAreRefused() {
            assertRefused(MARIADB_TO_PG, "REPLACE INTO t (id) VALUES (?)", "REPLACE");
            assertRefused(MARIADB_TO_PG, "DELETE FROM t ORDER BY id LIMIT 10", "LIMIT");
            assertRefused(MARIADB_TO_PG, "UPDATE t SET a = 1 LIMIT 1", "LIMIT");
        }

        @Test
        void valuesFollowTheirPlaceholdersAroundRewrittenParts() throws Exception {
            String sql = "INSERT IGNORE INTO `t` (a, b, c) VALUES (?, CAST(? AS SIGNED), 'it\\'s ?') RETURNING ?";
            assertThat(toPostgresql(sql)).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, CAST(? AS bigint), 'it''s ?') "
                    + "ON CONFLICT DO NOTHING");
            assertThat(boundValues(MARIADB_TO_PG, sql, 3)).containsExactly("v1", "v2");
        }
    }
}
