package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeyedInsertTest {

    private final KeyedInsert postgresql = new KeyedInsert(SqlDialect.POSTGRESQL);
    private final KeyedInsert mariadb = new KeyedInsert(SqlDialect.MYSQL);

    @Test
    void aSingleRowInsertGainsTheKeyColumnAndOneBoundValueAfterTheApplications() {
        KeyedInsert.Plan plan = postgresql.plan("INSERT INTO items (name, price) VALUES (?, ?)", List.of("id"));

        assertThat(plan.kind()).isEqualTo(KeyedInsert.Plan.Kind.KEYED);
        assertThat(plan.sql()).isEqualTo("INSERT INTO items (name, price, id) VALUES (?, ?, ?)");
        assertThat(plan.rows()).isEqualTo(1);
        Parameter[] bound = plan.bind(new Parameter[] {value(1, "pen"), value(2, 3)}, List.of(41L));
        assertThat(values(bound)).containsExactly("pen", 3, 41L);
        assertThat(indexes(bound)).containsExactly(1, 2, 3);
    }

    @Test
    void eachRowOfAMultiRowInsertGetsItsOwnKeyInOrder() {
        KeyedInsert.Plan plan = postgresql.plan("INSERT INTO items (name) VALUES (?), (?), (?)", List.of("id"));

        assertThat(plan.sql()).isEqualTo("INSERT INTO items (name, id) VALUES (?, ?), (?, ?), (?, ?)");
        assertThat(plan.rows()).isEqualTo(3);
        Parameter[] bound = plan.bind(new Parameter[] {value(1, "a"), value(2, "b"), value(3, "c")},
                List.of(7L, 8L, 9L));
        assertThat(values(bound)).containsExactly("a", 7L, "b", 8L, "c", 9L);
        assertThat(indexes(bound)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void literalValuesStayInTheTextAndOnlyTheKeysAreBound() {
        KeyedInsert.Plan plan = mariadb.plan("INSERT INTO items (name) VALUES ('a'), ('b?')", List.of("id"));

        assertThat(plan.sql()).isEqualTo("INSERT INTO items (name, id) VALUES ('a', ?), ('b?', ?)");
        assertThat(values(plan.bind(new Parameter[0], List.of(1L, 2L)))).containsExactly(1L, 2L);
    }

    @Test
    void severalKeyColumnsAreAddedInTheOrderGivenForEveryRow() {
        KeyedInsert.Plan plan = postgresql.plan("INSERT INTO t (a) VALUES (?), (?)", List.of("id", "seq_no"));

        assertThat(plan.sql()).isEqualTo("INSERT INTO t (a, id, seq_no) VALUES (?, ?, ?), (?, ?, ?)");
        assertThat(values(plan.bind(new Parameter[] {value(1, "x"), value(2, "y")}, List.of(1, 10, 2, 20))))
                .containsExactly("x", 1, 10, "y", 2, 20);
    }

    @Test
    void aKeyColumnThatNeedsQuotesIsQuotedInTheDialectOfThePrimary() {
        assertThat(postgresql.plan("INSERT INTO t (a) VALUES (?)", List.of("Id")).sql())
                .isEqualTo("INSERT INTO t (a, \"Id\") VALUES (?, ?)");
        assertThat(mariadb.plan("INSERT INTO t (a) VALUES (?)", List.of("order id")).sql())
                .isEqualTo("INSERT INTO t (a, `order id`) VALUES (?, ?)");
    }

    @Test
    void anInsertThatNamesTheKeyItselfIsMirroredAsWritten() {
        assertThat(postgresql.plan("INSERT INTO t (\"ID\", a) VALUES (?, ?)", List.of("id")).kind())
                .isEqualTo(KeyedInsert.Plan.Kind.UNCHANGED);
        assertThat(mariadb.plan("INSERT INTO t VALUES (1, 'a')", List.of("id")).kind())
                .isEqualTo(KeyedInsert.Plan.Kind.UNCHANGED);
    }

    @Test
    void defaultValuesAndMariadbSetFormsGetTheKeyToo() {
        assertThat(postgresql.plan("INSERT INTO t DEFAULT VALUES", List.of("id")).sql())
                .isEqualTo("INSERT INTO t (id) VALUES (?)");
        KeyedInsert.Plan set = mariadb.plan("INSERT INTO t SET a = ?", List.of("id"));
        assertThat(set.sql()).isEqualTo("INSERT INTO t SET a = ?, id = ?");
        assertThat(values(set.bind(new Parameter[] {value(1, "x")}, List.of(5L)))).containsExactly("x", 5L);
    }

    @Test
    void anOnConflictClauseIsKeptAndMarked() {
        KeyedInsert.Plan plan = postgresql.plan(
                "INSERT INTO t (code, n) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET n = EXCLUDED.n", List.of("id"));

        assertThat(plan.sql().replaceAll("\\s+", " ")).isEqualTo(
                "INSERT INTO t (code, n, id) VALUES (?, ?, ?) ON CONFLICT ( code ) DO UPDATE SET n = EXCLUDED.n");
        assertThat(plan.hasConflictClause()).isTrue();
    }

    @Test
    void insertSelectCannotCarryKeysAndSaysWhy() {
        KeyedInsert.Plan plan = postgresql.plan("INSERT INTO t (a) SELECT a FROM s", List.of("id"));

        assertThat(plan.kind()).isEqualTo(KeyedInsert.Plan.Kind.UNCARRIABLE);
        assertThat(plan.reason()).contains("INSERT ... SELECT");
    }

    @Test
    void mariadbUpsertsAndIgnoredInsertsCannotCarryKeys() {
        assertThat(mariadb.plan("INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = ?", List.of("id")).reason())
                .contains("ON DUPLICATE KEY UPDATE");
        assertThat(mariadb.plan("INSERT IGNORE INTO t (a) VALUES (?)", List.of("id")).kind())
                .isEqualTo(KeyedInsert.Plan.Kind.UNCARRIABLE);
    }

    @Test
    void anUpsertOrReturningInsertThatGivesTheKeyItselfIsMirroredAsWritten() {
        assertThat(mariadb.plan("INSERT INTO t (id, a) VALUES (?, ?) ON DUPLICATE KEY UPDATE a = ?", List.of("id"))
                .kind()).isEqualTo(KeyedInsert.Plan.Kind.UNCHANGED);
        assertThat(postgresql.plan("INSERT INTO t (id, a) VALUES (?, ?) RETURNING id", List.of("id")).kind())
                .isEqualTo(KeyedInsert.Plan.Kind.UNCHANGED);
    }

    @Test
    void anInsertWithItsOwnReturningClauseCannotCarryKeys() {
        assertThat(postgresql.plan("INSERT INTO t (a) VALUES (?) RETURNING id", List.of("id")).reason())
                .contains("RETURNING");
    }

    private static Parameter value(int index, Object value) {
        return Parameter.constant(index, value);
    }

    private static List<Object> values(Parameter[] bound) {
        return Arrays.stream(bound).map(Parameter::value).collect(Collectors.toList());
    }

    private static List<Object> indexes(Parameter[] bound) {
        return Arrays.stream(bound).map(p -> p.arguments()[0]).collect(Collectors.toList());
    }
}
