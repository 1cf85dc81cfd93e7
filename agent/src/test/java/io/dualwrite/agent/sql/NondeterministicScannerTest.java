package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NondeterministicScannerTest {

    private static List<String> postgres(String sql) {
        return NondeterministicScanner.scan(sql, false).names();
    }

    private static List<String> mariadb(String sql) {
        return NondeterministicScanner.scan(sql, true).names();
    }

    /** Why each expression of a PostgreSQL text cannot be replaced, or null when it can. */
    private static List<String> reasons(String sql) {
        List<String> reasons = new java.util.ArrayList<>();
        for (NondeterministicSql.Expression e : NondeterministicScanner.scan(sql, false).expressions()) {
            reasons.add(e.unreplaceableReason());
        }
        return reasons;
    }

    @Test
    void clockRandomUuidAndSequenceFunctionsOfBothDatabasesAreFound() {
        assertThat(postgres("INSERT INTO t (a, b, c, d) VALUES (now(), random(), gen_random_uuid(), nextval('s'))"))
                .containsExactly("now()", "random()", "gen_random_uuid()", "nextval()");
        assertThat(mariadb("INSERT INTO t (a, b, c, d, e) VALUES (SYSDATE(), RAND(), UUID(), UNIX_TIMESTAMP(), "
                + "NEXT VALUE FOR s)"))
                .containsExactly("sysdate()", "rand()", "uuid()", "unix_timestamp()", "NEXT VALUE FOR");
        assertThat(postgres("UPDATE t SET a = clock_timestamp(), b = uuid_generate_v4()"))
                .containsExactly("clock_timestamp()", "uuid_generate_v4()");
    }

    @Test
    void keywordsAreFoundWithAndWithoutParenthesesInAnyCase() {
        assertThat(postgres("UPDATE t SET a = CURRENT_TIMESTAMP, b = current_date, c = LocalTimestamp"))
                .containsExactly("CURRENT_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP");
        assertThat(mariadb("UPDATE t SET a = current_timestamp(6), b = Now(3)"))
                .containsExactly("CURRENT_TIMESTAMP", "now()");
    }

    @Test
    void eachDistinctExpressionIsNamedOnceInTheOrderOfTheText() {
        assertThat(postgres("UPDATE t SET a = now(), b = random() WHERE c < now()")).containsExactly("now()",
                "random()");
        assertThat(NondeterministicScanner.scan("UPDATE t SET a = now(), b = random() WHERE c < now()", false)
                .expressions()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t (now_at, random_value, uuid_text) VALUES (?, ?, ?)",
        "INSERT INTO t (note) VALUES ('now()')",
        "INSERT INTO t (note) VALUES ('it''s now() or CURRENT_TIMESTAMP')",
        "INSERT INTO t (note) VALUES ($$now()$$)",
        "INSERT INTO t (note) VALUES ($tag$ random() $tag$)",
        "INSERT INTO t (\"now\", \"random\") VALUES (1, 2)",
        "INSERT INTO t (a) VALUES (1) -- now()",
        "INSERT INTO t (a) /* random() /* nested now() */ still comment CURRENT_DATE */ VALUES (1)",
        "UPDATE t SET version = version + 1, user_name = ?",
        "UPDATE t SET a = t.current_date_copy WHERE x.now = 1",
        "INSERT INTO uuid (id) VALUES (1)",
        "INSERT INTO t (a) VALUES (unix_timestamp(created))",
        "INSERT INTO t (a) VALUES (last_insert_id(5))",
        "INSERT INTO t (a) VALUES (E'it\\'s now()')",
        "DELETE FROM t WHERE nextval_name = 'x'",
    })
    void textsThatOnlyMentionTheNamesHoldNone(String sql) {
        assertThat(postgres(sql)).as(sql).isEmpty();
    }

    @Test
    void backslashEscapesAreReadAsTheDatabaseReadsThem() {
        // MariaDB: the backslash escapes the quote, so now() is inside the literal
        assertThat(mariadb("INSERT INTO t (a) VALUES ('x\\' now() ')")).isEmpty();
        // PostgreSQL: the literal ends after the backslash, so now() is an expression
        assertThat(postgres("INSERT INTO t (a, b) VALUES ('x\\', now())")).containsExactly("now()");
        assertThat(mariadb("INSERT INTO t (a) VALUES (1) # now()")).isEmpty();
    }

    @Test
    void aQualifiedFunctionCallCounts() {
        assertThat(postgres("INSERT INTO t (a) VALUES (pg_catalog.now())")).containsExactly("now()");
    }

    @Test
    void valuesItemsSetValuesAndComparisonsWithAColumnCanBeReplaced() {
        assertThat(reasons("INSERT INTO t (a, b, c) VALUES (?, now(), random()), (?, now(), 1)"))
                .containsOnlyNulls().hasSize(3);
        assertThat(reasons("UPDATE t SET a = now(), b = CURRENT_TIMESTAMP WHERE expires < now() AND id = ?"))
                .containsOnlyNulls().hasSize(3);
        assertThat(reasons("INSERT INTO t (id, at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET at = now()"))
                .containsOnlyNulls().hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t (a) VALUES (now() + interval '1 day')",
        "INSERT INTO t (a) VALUES (now()::date)",
        "INSERT INTO t (a) VALUES (date_trunc('day', now()))",
        "INSERT INTO t (a) SELECT now()",
        "UPDATE t SET a = a + random()",
        "UPDATE t SET a = 1 WHERE now() > expires",
        "INSERT INTO t (a) VALUES (now() AT TIME ZONE 'UTC')",
    })
    void anExpressionInsideALargerOneCannotBeReplaced(String sql) {
        assertThat(reasons(sql)).as(sql).hasSize(1).doesNotContainNull();
    }

    @Test
    void argumentsThatReferToColumnsOrParametersCannotBeEvaluatedApart() {
        assertThat(reasons("INSERT INTO t (a) VALUES (rand(id))"))
                .containsExactly("its arguments refer to a column");
        assertThat(reasons("INSERT INTO t (a) VALUES (nextval(?))"))
                .containsExactly("its arguments hold a ? parameter");
        assertThat(reasons("INSERT INTO t (a) VALUES (nextval('s'::regclass))")).containsOnlyNulls();
    }

    @Test
    void placeholdersAreFoundOutsideQuotesAndComments() {
        String sql = "INSERT INTO t (a, b, c) VALUES (?, '?', now()) -- ?\n RETURNING ?";
        NondeterministicSql found = NondeterministicScanner.scan(sql, false);
        assertThat(found.placeholders()).containsExactly(sql.indexOf('?'), sql.lastIndexOf('?'));
    }

    @Test
    void everyKnownExpressionHasOneName() {
        assertThat(NondeterministicScanner.knownExpressions()).contains("now()", "CURRENT_TIMESTAMP", "random()",
                "rand()", "uuid()", "gen_random_uuid()", "nextval()", "sysdate()", "unix_timestamp()",
                "NEXT VALUE FOR").doesNotHaveDuplicates();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void pathologicalHalfMegabyteInputsTakeLinearTime() {
        int size = 1 << 19;
        for (String unit : Arrays.asList("(", ")", "now(", "unix_timestamp(x ", "last_insert_id(1, ", "'", "\"", "$a$",
                "/*", "--", "next value for ", "VALUES (", "a = now(), ", "?", "pg_catalog.", "e'\\")) {
            String repeated = unit.repeat(size / unit.length());
            for (boolean backslash : new boolean[] {true, false}) {
                assertThat(NondeterministicScanner.scan("INSERT INTO t VALUES (" + repeated, backslash)).isNotNull();
                assertThat(NondeterministicScanner.scan("UPDATE t SET " + repeated, backslash)).isNotNull();
            }
        }
    }
}
