package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.config.TableMapping;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Mapping through the translator, on one dialect so that only the mapping changes the text: the secondary's exact
 * SQL, and which value each of its placeholders gets.
 */
class MappingRewriteTest {

    /**
     * users -> users_v2: name and email renamed, legacy_flag dropped, origin and version constant; orders keeps its
     * name, renames total and name, drops note.
     */
    private static final MappingConfig MAPPING = mapping();

    private static MappingConfig mapping() {
        Map<String, String> renamed = new LinkedHashMap<>();
        renamed.put("name", "full_name");
        renamed.put("email", "email_address");
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("origin", "migrated");
        constants.put("version", 2);
        Map<String, TableMapping> tables = new LinkedHashMap<>();
        tables.put("users", new TableMapping("users", "users_v2", renamed, Set.of("legacy_flag"), constants));
        Map<String, String> ordersRenamed = new LinkedHashMap<>();
        ordersRenamed.put("total", "amount");
        ordersRenamed.put("name", "label");
        tables.put("orders", new TableMapping("orders", "orders", ordersRenamed, Set.of("note"), Map.of()));
        return new MappingConfig(tables);
    }

    private static SecondaryStatement postgresql(String sql) throws UntranslatableStatementException {
        return new StatementTranslator(SqlDialect.POSTGRESQL, SqlDialect.POSTGRESQL, MAPPING).translate(sql);
    }

    private static SecondaryStatement mariadb(String sql) throws UntranslatableStatementException {
        return new StatementTranslator(SqlDialect.MYSQL, SqlDialect.MYSQL, MAPPING).translate(sql);
    }

    private static String untranslatable(String sql) {
        try {
            return "translated: " + postgresql(sql);
        } catch (UntranslatableStatementException e) {
            assertThat(e.getSQLState()).isEqualTo("0A000");
            return e.getMessage();
        }
    }

    /** The primary's row: parameter n holds "pn". */
    private static Parameter[] primaryRow(int parameters) {
        return IntStream.rangeClosed(1, parameters).mapToObj(n -> Parameter.constant(n, "p" + n))
                .toArray(Parameter[]::new);
    }

    /** What the secondary binds for one primary row, each as index=value. */
    private static List<String> bound(SecondaryStatement statement, Parameter... primary) {
        return Arrays.stream(statement.bind(primary))
                .map(p -> p.arguments()[0] + "=" + p.value()).collect(Collectors.toList());
    }

    // ----- INSERT -----

    @Test
    void aDroppedPlaceholderInTheMiddleOfARowGoesAndTheOthersKeepTheirValues() throws Exception {
        SecondaryStatement statement = postgresql(
                "INSERT INTO users (id, name, legacy_flag, email) VALUES (?, ?, ?, ?)");

        assertThat(statement.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, email_address, origin, version) "
                + "VALUES (?, ?, ?, ?, ?)");
        assertThat(bound(statement, primaryRow(4))).containsExactly("1=p1", "2=p2", "3=p4", "4=migrated", "5=2");
    }

    @Test
    void everyRowOfAMultiRowInsertLosesItsDroppedValueAndGetsTheConstants() throws Exception {
        SecondaryStatement statement = postgresql(
                "INSERT INTO users (id, name, legacy_flag) VALUES (?, ?, ?), (?, ?, ?), (7, 'x', false)");

        assertThat(statement.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, origin, version) "
                + "VALUES (?, ?, ?, ?), (?, ?, ?, ?), (7, 'x', ?, ?)");
        assertThat(bound(statement, primaryRow(6))).containsExactly("1=p1", "2=p2", "3=migrated", "4=2",
                "5=p4", "6=p5", "7=migrated", "8=2", "9=migrated", "10=2");
    }

    @Test
    void namesMatchWithoutRegardToCaseAndQuotedNamesStayQuoted() throws Exception {
        SecondaryStatement statement = postgresql(
                "insert into USERS (ID, \"name\", Legacy_Flag) values (1, 'a', true)");

        assertThat(statement.sql()).isEqualTo(
                "INSERT INTO users_v2 (ID, \"full_name\", origin, version) VALUES (1, 'a', ?, ?)");
        assertThat(bound(statement)).containsExactly("1=migrated", "2=2");
    }

    @Test
    void aBatchBindsEachRowThroughTheSameTranslation() throws Exception {
        StatementTranslator translator = new StatementTranslator(SqlDialect.POSTGRESQL, SqlDialect.POSTGRESQL,
                MAPPING);
        String sql = "INSERT INTO users (id, legacy_flag, name) VALUES (?, ?, ?)";
        SecondaryStatement first = translator.translate(sql);
        SecondaryStatement second = translator.translate(sql);

        assertThat(second).isSameAs(first);
        assertThat(bound(first, Parameter.constant(1, 1), Parameter.constant(2, true), Parameter.constant(3, "Ann")))
                .containsExactly("1=1", "2=Ann", "3=migrated", "4=2");
        assertThat(bound(first, Parameter.constant(1, 2), Parameter.constant(2, false), Parameter.constant(3, "Bo")))
                .containsExactly("1=2", "2=Bo", "3=migrated", "4=2");
    }

    @Test
    void insertSelectLosesTheDroppedItemAndSelectsTheConstantsInEveryBranch() throws Exception {
        SecondaryStatement statement = postgresql("INSERT INTO users (id, name, legacy_flag) "
                + "SELECT o.id, o.total, o.note FROM orders o WHERE o.total > ? UNION ALL SELECT 1, ?, ?");

        assertThat(statement.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, origin, version) "
                + "SELECT o.id, o.amount, ?, ? FROM orders o WHERE o.amount > ? UNION ALL SELECT 1, ?, ?, ?");
        assertThat(bound(statement, primaryRow(3))).containsExactly("1=migrated", "2=2", "3=p1", "4=p2",
                "5=migrated", "6=2");
    }

    @Test
    void insertSetLosesTheDroppedItemAndSetsTheConstants() throws Exception {
        SecondaryStatement statement = mariadb("INSERT INTO users SET id = ?, legacy_flag = ?, name = ?");

        assertThat(statement.sql()).isEqualTo(
                "INSERT INTO users_v2 SET id = ?, full_name = ?, origin = ?, version = ?");
        assertThat(bound(statement, primaryRow(3))).containsExactly("1=p1", "2=p3", "3=migrated", "4=2");
    }

    @Test
    void returningLosesTheDroppedColumnAndNamesTheRenamedOne() throws Exception {
        assertThat(postgresql("INSERT INTO users (id, name) VALUES (?, ?) RETURNING id, name, legacy_flag").sql())
                .isEqualTo("INSERT INTO users_v2 (id, full_name, origin, version) VALUES (?, ?, ?, ?) "
                        + "RETURNING id, full_name");
    }

    @Test
    void defaultValuesGetTheConstants() throws Exception {
        SecondaryStatement statement = postgresql("INSERT INTO users DEFAULT VALUES");

        assertThat(statement.sql()).isEqualTo("INSERT INTO users_v2 (origin, version) VALUES (?, ?)");
        assertThat(bound(statement)).containsExactly("1=migrated", "2=2");
        assertThat(postgresql("INSERT INTO orders DEFAULT VALUES").sql()).isEqualTo("INSERT INTO orders DEFAULT VALUES");
    }

    @Test
    void aTableThatIsNotMappedIsSentAsItIs() throws Exception {
        SecondaryStatement statement = postgresql("INSERT INTO accounts (id, name, legacy_flag) VALUES (?, ?, ?)");

        assertThat(statement.isSame()).isTrue();
        assertThat(statement.sql()).isEqualTo("INSERT INTO accounts (id, name, legacy_flag) VALUES (?, ?, ?)");
    }

    @Test
    void aQualifiedTableNameKeepsItsSchema() throws Exception {
        assertThat(postgresql("INSERT INTO shop.users (id) VALUES (?)").sql())
                .isEqualTo("INSERT INTO shop.users_v2 (id, origin, version) VALUES (?, ?, ?)");
    }

    @Test
    void anInsertWithoutAColumnListIsUntranslatableAndSaysToNameTheColumns() {
        assertThat(untranslatable("INSERT INTO users VALUES (1, 'x', true)")).isEqualTo("untranslatable for the "
                + "secondary (PostgreSQL): the INSERT into mapped table users does not name its columns, so its "
                + "values cannot be matched to the secondary's columns: name them (INSERT INTO users (a, b, ...) "
                + "VALUES ...)");
    }

    @Test
    void anInsertSelectOfStarIsUntranslatable() {
        assertThat(untranslatable("INSERT INTO users (id, name) SELECT * FROM accounts")).isEqualTo("untranslatable "
                + "for the secondary (PostgreSQL): the INSERT into users selects *, which cannot be matched to the "
                + "secondary's columns: select the columns by name");
    }

    @Test
    void anInsertThatSetsAConstantsColumnIsUntranslatable() {
        assertThat(untranslatable("INSERT INTO users (id, origin) VALUES (?, ?)")).isEqualTo("untranslatable for "
                + "the secondary (PostgreSQL): the INSERT into users sets column origin, which mapping.users.constants "
                + "sets too: remove the constant, or map the column");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsUntranslatable() {
        assertThat(untranslatable("INSERT INTO users (id, name) VALUES (1, 'a'), (2)")).isEqualTo("untranslatable "
                + "for the secondary (PostgreSQL): a row of the INSERT into users has 1 values for 2 columns");
    }

    // ----- upserts -----

    @Test
    void onConflictDoUpdateIsMappedIncludingExcluded() throws Exception {
        SecondaryStatement statement = postgresql("INSERT INTO users (id, name, legacy_flag) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, legacy_flag = EXCLUDED.legacy_flag, "
                + "email = users.email || ?");

        assertThat(statement.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, origin, version) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (  id )  DO UPDATE SET full_name = EXCLUDED.full_name, "
                + "email_address = users_v2.email_address || ?");
        assertThat(bound(statement, primaryRow(4))).containsExactly("1=p1", "2=p2", "3=migrated", "4=2", "5=p4");
    }

    @Test
    void onConflictThatUpdatesOnlyDroppedColumnsDoesNothingOnTheSecondary() throws Exception {
        assertThat(postgresql("INSERT INTO users (id, legacy_flag) VALUES (?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET legacy_flag = EXCLUDED.legacy_flag").sql())
                .isEqualTo("INSERT INTO users_v2 (id, origin, version) VALUES (?, ?, ?) ON CONFLICT (  id )  "
                        + "DO NOTHING");
    }

    @Test
    void onConflictOnADroppedColumnIsUntranslatable() {
        assertThat(untranslatable("INSERT INTO users (id, legacy_flag) VALUES (?, ?) ON CONFLICT (legacy_flag) "
                + "DO NOTHING")).isEqualTo("untranslatable for the secondary (PostgreSQL): column legacy_flag of users "
                + "is dropped on the secondary (mapping.users.drop), but ON CONFLICT names it: the secondary has no "
                + "unique key on it");
    }

    @Test
    void onDuplicateKeyUpdateIsMappedIncludingValuesOfAColumn() throws Exception {
        SecondaryStatement statement = mariadb("INSERT INTO users (id, name, legacy_flag) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE name = VALUES(name), legacy_flag = VALUES(legacy_flag)");

        assertThat(statement.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, origin, version) "
                + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE full_name = VALUES(full_name)");
        assertThat(bound(statement, primaryRow(3))).containsExactly("1=p1", "2=p2", "3=migrated", "4=2");
    }

    @Test
    void onDuplicateKeyUpdateOfOnlyDroppedColumnsKeepsTheExistingRow() throws Exception {
        assertThat(mariadb("INSERT INTO users (id, legacy_flag) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE legacy_flag = VALUES(legacy_flag)").sql())
                .isEqualTo("INSERT INTO users_v2 (id, origin, version) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE id = id");
    }

    // ----- UPDATE -----

    @Test
    void updateRenamesSetAndWhereAndLosesTheDroppedSetItem() throws Exception {
        SecondaryStatement statement = postgresql("UPDATE users SET name = ?, legacy_flag = ?, email = ? WHERE id = ?");

        assertThat(statement.sql()).isEqualTo("UPDATE users_v2 SET full_name = ?, email_address = ? WHERE id = ?");
        assertThat(bound(statement, primaryRow(4))).containsExactly("1=p1", "2=p3", "3=p4");
    }

    @Test
    void updateOfOnlyDroppedColumnsRunsNothing() throws Exception {
        assertThat(postgresql("UPDATE users u SET legacy_flag = ? WHERE u.id = ?").runsNothing()).isTrue();
    }

    @Test
    void aMultiColumnSetLosesTheDroppedColumnAndItsValue() throws Exception {
        SecondaryStatement statement = postgresql("UPDATE users SET (name, legacy_flag, email) = (?, ?, ?) "
                + "WHERE id = ?");

        assertThat(statement.sql()).isEqualTo("UPDATE users_v2 SET (full_name, email_address) = (?, ?) WHERE id = ?");
        assertThat(bound(statement, primaryRow(4))).containsExactly("1=p1", "2=p3", "3=p4");
        assertThat(postgresql("UPDATE users SET (name, legacy_flag) = (?, ?) WHERE id = ?").sql())
                .isEqualTo("UPDATE users_v2 SET full_name = ? WHERE id = ?");
    }

    @Test
    void columnsQualifiedByAliasOrTableNameAreRenamedAndSubqueriesOnOtherTablesKeepTheirOwnColumns()
            throws Exception {
        SecondaryStatement statement = postgresql("UPDATE users u SET name = ?, email = users.email "
                + "WHERE u.name = ? AND id IN (SELECT a.user_id FROM accounts a WHERE a.name = ? AND a.x < u.id) "
                + "AND id NOT IN (SELECT o.user_id FROM orders o WHERE o.total > ?)");

        assertThat(statement.sql()).isEqualTo("UPDATE users_v2 u SET full_name = ?, email_address = "
                + "users_v2.email_address WHERE u.full_name = ? AND id IN (SELECT a.user_id FROM accounts a WHERE "
                + "a.name = ? AND a.x < u.id) AND id NOT IN (SELECT o.user_id FROM orders o WHERE o.amount > ?)");
        assertThat(bound(statement, primaryRow(4))).containsExactly("1=p1", "2=p2", "3=p3", "4=p4");
    }

    @Test
    void updateWhoseWhereUsesADroppedColumnIsUntranslatable() {
        assertThat(untranslatable("UPDATE users SET name = ? WHERE legacy_flag = ?")).isEqualTo("untranslatable for "
                + "the secondary (PostgreSQL): column legacy_flag of users is dropped on the secondary "
                + "(mapping.users.drop), but the WHERE clause uses it, so the secondary could not find the same rows");
    }

    @Test
    void updateThatComputesAValueFromADroppedColumnIsUntranslatable() {
        assertThat(untranslatable("UPDATE users SET name = legacy_flag WHERE id = ?")).isEqualTo("untranslatable for "
                + "the secondary (PostgreSQL): column legacy_flag of users is dropped on the secondary "
                + "(mapping.users.drop), but a SET value is computed from it");
    }

    @Test
    void updateFromAnotherMappedTableMapsTheColumnsOfBoth() throws Exception {
        assertThat(postgresql("UPDATE users SET email = ? FROM orders o WHERE total > ? AND users.id = o.user_id "
                + "AND o.name = users.name").sql()).isEqualTo("UPDATE users_v2 SET email_address = ? FROM orders o "
                + "WHERE amount > ? AND users_v2.id = o.user_id AND o.label = users_v2.full_name");
        assertThat(untranslatable("UPDATE users SET email = ? FROM orders WHERE note = ?")).isEqualTo(
                "untranslatable for the secondary (PostgreSQL): column note of orders is dropped on the secondary "
                        + "(mapping.orders.drop), but the WHERE clause uses it, so the secondary could not find the "
                        + "same rows");
    }

    @Test
    void anUnqualifiedColumnThatTwoMappedTablesRenameIsUntranslatable() {
        assertThat(untranslatable("UPDATE users SET email = ? FROM orders WHERE name = ? AND users.id = orders.id"))
                .isEqualTo("untranslatable for the secondary (PostgreSQL): column name may be a column of users or of "
                        + "orders, which are both mapped: qualify it with its table's name or alias");
    }

    // ----- DELETE -----

    @Test
    void deleteRenamesTheTableAndTheColumnsOfItsWhere() throws Exception {
        SecondaryStatement statement = postgresql("DELETE FROM users WHERE name = ? AND users.email LIKE ?");

        assertThat(statement.sql()).isEqualTo(
                "DELETE FROM users_v2 WHERE full_name = ? AND users_v2.email_address LIKE ?");
        assertThat(bound(statement, primaryRow(2))).containsExactly("1=p1", "2=p2");
    }

    @Test
    void aSubqueryOnTheMappedTableIsMappedInItsOwnScope() throws Exception {
        assertThat(postgresql("DELETE FROM users u WHERE EXISTS "
                + "(SELECT 1 FROM users x WHERE x.name = u.name AND x.id < u.id)").sql())
                .isEqualTo("DELETE FROM users_v2 u WHERE EXISTS "
                        + "(SELECT 1 FROM users_v2 x WHERE x.full_name = u.full_name AND x.id < u.id)");
    }

    @Test
    void aWithClauseReadingTheMappedTableIsMappedToo() throws Exception {
        assertThat(postgresql("WITH old AS (SELECT id FROM users WHERE name LIKE ?) "
                + "DELETE FROM users WHERE id IN (SELECT id FROM old)").sql())
                .isEqualTo("WITH old AS (SELECT id FROM users_v2 WHERE full_name LIKE ?) "
                        + "DELETE FROM users_v2 WHERE id IN (SELECT id FROM old)");
    }

    @Test
    void deleteWhoseWhereUsesADroppedColumnIsUntranslatable() {
        assertThat(untranslatable("DELETE FROM users WHERE legacy_flag = ?")).isEqualTo("untranslatable for the "
                + "secondary (PostgreSQL): column legacy_flag of users is dropped on the secondary "
                + "(mapping.users.drop), but the WHERE clause uses it, so the secondary could not find the same rows");
    }

    @Test
    void deleteUsingAnotherMappedTableMapsBoth() throws Exception {
        assertThat(postgresql("DELETE FROM users USING orders o WHERE o.user_id = users.id AND o.total > ?").sql())
                .isEqualTo("DELETE FROM users_v2 USING orders o WHERE o.user_id = users_v2.id AND o.amount > ?");
    }

    @Test
    void mariadbMultiTableDeleteAndUpdateMapEveryTable() throws Exception {
        assertThat(mariadb("DELETE users FROM users JOIN orders o ON o.user_id = users.id WHERE o.total > ?").sql())
                .isEqualTo("DELETE users_v2 FROM users_v2 JOIN orders o ON o.user_id = users_v2.id "
                        + "WHERE o.amount > ?");
        assertThat(mariadb("UPDATE users u JOIN orders o ON o.user_id = u.id SET u.name = o.name, "
                + "u.legacy_flag = 1 WHERE o.total > ?").sql())
                .isEqualTo("UPDATE users_v2 u JOIN orders o ON o.user_id = u.id SET u.full_name = o.label "
                        + "WHERE o.amount > ?");
    }

    @Test
    void truncateNamesTheSecondaryTable() throws Exception {
        assertThat(postgresql("TRUNCATE users").sql()).isEqualTo("TRUNCATE users_v2");
    }

    @Test
    void otherStatementsOnAMappedTableAreUntranslatable() {
        assertThatThrownBy(() -> mariadb("REPLACE INTO users (id, name) VALUES (1, 'a')"))
                .isInstanceOf(UntranslatableStatementException.class)
                .hasMessage("untranslatable for the secondary (MariaDB/MySQL): the mapping does not rewrite this kind "
                        + "of statement (Upsert); write it as INSERT, UPDATE or DELETE");
    }
}
