package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReadAnalyzerTest {

    private static ReadInfo analyze(String sql) {
        return ReadAnalyzer.analyzeUnchecked(sql);
    }

    private static void assertRoutable(String sql) {
        assertThat(analyze(sql).notRoutableReason()).as(sql).isNull();
        assertThat(analyze(sql).routable()).as(sql).isTrue();
    }

    private static void assertNotRoutable(String sql, String reason) {
        ReadInfo info = analyze(sql);
        assertThat(info.routable()).as(sql).isFalse();
        assertThat(info.notRoutableReason()).as(sql).isEqualTo(reason);
    }

    private static void assertTables(String sql, String... tables) {
        ReadInfo info = analyze(sql);
        assertThat(info.tables()).as(sql).containsExactly(tables);
        assertThat(info.tablesKnown()).as(sql + " tables known").isTrue();
    }

    @Nested
    class WhatIsRoutable {

        @Test
        void plainSelectsAreRoutable() {
            assertRoutable("SELECT 1");
            assertRoutable("select * from t where a = ?");
            assertRoutable("  /* hint */ -- line\n SELECT a, b FROM t ORDER BY a LIMIT 10");
            assertRoutable("(SELECT a FROM t) UNION (SELECT b FROM u)");
            assertRoutable("SELECT now(), count(*) FROM t GROUP BY a HAVING count(*) > 1");
            assertRoutable("SELECT * FROM t;");
            assertRoutable("SELECT * FROM t; -- done\n;  ");
        }

        @Test
        void aReadOnlyWithIsRoutable() {
            assertRoutable("WITH r AS (SELECT * FROM t) SELECT * FROM r");
            assertRoutable("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) "
                    + "SELECT i FROM n");
            assertRoutable("WITH a AS MATERIALIZED (SELECT 1), b AS NOT MATERIALIZED (SELECT 2) SELECT * FROM a, b");
        }

        @Test
        void aWithThatModifiesDataIsNot() {
            assertNotRoutable("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "data-modifying WITH");
            assertNotRoutable("WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM u", "data-modifying WITH");
            assertNotRoutable("WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i",
                    "data-modifying WITH");
            assertNotRoutable("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "data-modifying WITH");
        }

        @Test
        void aWithWhoseMainStatementIsNoSelectIsNot() {
            assertNotRoutable("WITH x AS (SELECT 1) VALUES (1)", "not a SELECT");
            assertNotRoutable("WITH x AS (SELECT 1) TABLE x", "not a SELECT");
        }

        @Test
        void otherStatementsAreNotSelects() {
            for (String sql : new String[] {
                "INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t", "VALUES (1)", "TABLE t",
                "SHOW TABLES", "EXPLAIN SELECT 1", "CALL p()", "{call p(?)}", "SET x = 1", "", "  -- only\n", "selects"
            }) {
                assertNotRoutable(sql, "not a SELECT");
            }
            assertNotRoutable(null, "not a SELECT");
        }

        @Test
        void everyLockingClauseFormIsNotRoutable() {
            assertNotRoutable("SELECT * FROM t WHERE id = 1 FOR UPDATE", "FOR UPDATE");
            assertNotRoutable("select * from t for update", "FOR UPDATE");
            assertNotRoutable("SELECT * FROM t FOR\n\t  UPDATE OF t NOWAIT", "FOR UPDATE");
            assertNotRoutable("SELECT * FROM t FOR /* lock */ UPDATE SKIP LOCKED", "FOR UPDATE");
            assertNotRoutable("SELECT * FROM t FOR -- lock\nUPDATE WAIT 5", "FOR UPDATE");
            assertNotRoutable("SELECT * FROM t FOR NO KEY UPDATE", "FOR NO KEY UPDATE");
            assertNotRoutable("SELECT * FROM t FOR no /* */ key\nupdate", "FOR NO KEY UPDATE");
            assertNotRoutable("SELECT * FROM t FOR SHARE", "FOR SHARE");
            assertNotRoutable("SELECT * FROM t FOR KEY SHARE OF t", "FOR KEY SHARE");
            assertNotRoutable("SELECT * FROM t LOCK IN SHARE MODE", "LOCK IN SHARE MODE");
            assertNotRoutable("SELECT * FROM t lock  in\nshare mode", "LOCK IN SHARE MODE");
            assertNotRoutable("SELECT * FROM t WHERE a IN (SELECT a FROM u FOR UPDATE)", "FOR UPDATE");
            assertNotRoutable("WITH x AS (SELECT * FROM t FOR UPDATE) SELECT * FROM x", "FOR UPDATE");
            assertNotRoutable("SELECT * FROM t WITH (UPDLOCK, ROWLOCK) WHERE id = 1", "lock hint");
        }

        @Test
        void lockingKeywordsInLiteralsCommentsAndOtherConstructsDoNotCount() {
            assertRoutable("SELECT 'FOR UPDATE' FROM t");
            assertRoutable("SELECT \"for update\" FROM t");
            assertRoutable("SELECT * FROM t -- FOR UPDATE");
            assertRoutable("SELECT * FROM t /* FOR SHARE */");
            assertRoutable("SELECT $$ LOCK IN SHARE MODE $$ FROM t");
            assertRoutable("SELECT substring(a FROM 1 FOR 2) FROM t");
            assertRoutable("SELECT * FROM t FOR SYSTEM_TIME AS OF '2020-01-01'");
            assertRoutable("SELECT for_update FROM t");
        }

        @Test
        void selectIntoIsNotRoutable() {
            assertNotRoutable("SELECT * INTO new_table FROM t", "SELECT INTO");
            assertNotRoutable("SELECT a INTO @x FROM t", "SELECT INTO");
            assertNotRoutable("SELECT a FROM t INTO OUTFILE '/tmp/a'", "SELECT INTO");
            assertNotRoutable("SELECT a INTO #tmp FROM t", "SELECT INTO");
            assertNotRoutable("select * into temporary table x from t", "SELECT INTO");
            assertRoutable("SELECT 'into' FROM t");
            assertRoutable("SELECT t.into_count FROM t");
        }

        @Test
        void eachSessionFunctionMakesItNotRoutable() {
            for (String f : new String[] {
                "nextval", "setval", "currval", "lastval", "last_insert_id", "found_rows", "row_count",
                "pg_advisory_lock", "pg_advisory_xact_lock_shared", "pg_advisory_unlock_all", "pg_try_advisory_lock",
                "get_lock", "release_lock", "release_all_locks", "is_used_lock", "is_free_lock", "set_config",
                "pg_sleep", "pg_sleep_for", "sleep", "txid_current", "pg_current_xact_id", "pg_backend_pid",
                "connection_id", "lo_import", "lo_get", "current_setting", "pg_notify"
            }) {
                assertNotRoutable("SELECT " + f + "('x')", "calls " + f);
                assertNotRoutable("SELECT a FROM t WHERE b = " + f.toUpperCase() + " ()", "calls " + f);
            }
            assertNotRoutable("SELECT pg_catalog.nextval('s')", "calls nextval");
            assertNotRoutable("SELECT dbms_random.value() FROM dual", "calls dbms_random");
            assertNotRoutable("SELECT * FROM pg_advisory_lock(1)", "calls pg_advisory_lock");
            assertNotRoutable("SELECT * FROM t WHERE a IN (SELECT last_insert_id())", "calls last_insert_id");
        }

        @Test
        void namesThatOnlyLookLikeSessionFunctionsDoNotCount() {
            assertRoutable("SELECT nextval_count, t.nextval FROM t");
            assertRoutable("SELECT 'nextval(' FROM t");
            assertRoutable("SELECT \"nextval\" FROM t -- nextval(\n");
            assertRoutable("SELECT lower(a), slo_w(b) FROM t");
            assertRoutable("SELECT sleep FROM t");
        }

        @Test
        void sessionVariablesMakeItNotRoutable() {
            assertNotRoutable("SELECT @x", "session variable");
            assertNotRoutable("SELECT * FROM t WHERE a = @id", "session variable");
            assertNotRoutable("SELECT @@session.sql_mode", "session variable");
            assertNotRoutable("SELECT @'my var'", "session variable");
            assertRoutable("SELECT * FROM t WHERE doc @@ to_tsquery('a') AND tags @> ARRAY['x']");
            assertRoutable("SELECT '@x' FROM t");
        }

        @Test
        void severalStatementsAreNotRoutable() {
            assertNotRoutable("SELECT 1; SELECT 2", "several statements");
            assertNotRoutable("SELECT * FROM t; DELETE FROM t", "several statements");
            assertNotRoutable("SELECT 1;\n/* c */ x", "several statements");
            assertRoutable("SELECT ';' FROM t /* ; */");
        }

        @Test
        void brokenTextIsNotRoutable() {
            assertNotRoutable("SELECT 'open FROM t", "unterminated literal");
            assertNotRoutable("SELECT (1 FROM t", "unbalanced parentheses");
            assertNotRoutable("SELECT 1) FROM t", "unbalanced parentheses");
        }

        @Test
        void backslashesAreReadBothWaysAndAWrongReadingIsDropped() {
            assertRoutable("SELECT * FROM t WHERE a = 'it\\'s'"); // MySQL
            assertRoutable("SELECT * FROM t WHERE a = 'C:\\'"); // standard SQL
            // Standard SQL: a locking clause; MySQL: one literal. Either way not routable.
            assertNotRoutable("SELECT * FROM t WHERE a = 'x\\' FOR UPDATE --'", "FOR UPDATE");
            assertNotRoutable("SELECT 'a\\', nextval('s') --'", "calls nextval");
            assertNotRoutable("WITH x AS (SELECT 'a\\'), d AS (DELETE FROM t RETURNING 1) SELECT 1 --')",
                    "data-modifying WITH");
        }

        @Test
        void aMysqlHashCommentWithAQuoteIsNotRoutable() {
            assertNotRoutable("SELECT * FROM t # it's\nWHERE a = 1 -- '", "ambiguous # comment");
            assertNotRoutable("SELECT a # b, 'x' FROM t", "ambiguous # comment");
            assertRoutable("SELECT a # b,\n 'x' FROM t");
            assertRoutable("SELECT data #> '{a}', data #>> '{b}', data #- '{c}' FROM t");
            assertRoutable("# leading comment 'x'\nSELECT 1");
        }

        @Test
        void sqlCalcFoundRowsIsNotRoutable() {
            assertNotRoutable("SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 10", "SQL_CALC_FOUND_ROWS");
        }
    }

    @Nested
    class Tables {

        @Test
        void fromListsWithAndWithoutAliases() {
            assertTables("SELECT * FROM a", "a");
            assertTables("SELECT * FROM a, b x, c AS y WHERE a.id = x.id", "a", "b", "c");
            assertTables("SELECT * FROM a AS x(p, q), b", "a", "b");
            assertTables("SELECT * FROM a WHERE x IN (1, 2) ORDER BY a, b", "a");
            assertTables("SELECT * FROM a GROUP BY x, y LIMIT 1, 2", "a");
        }

        @Test
        void everyJoinForm() {
            assertTables("SELECT * FROM a JOIN b ON a.x = b.x INNER JOIN c USING (x) LEFT JOIN d ON 1 = 1 "
                    + "LEFT OUTER JOIN e ON 1 = 1 RIGHT JOIN f ON 1 = 1 RIGHT OUTER JOIN g ON 1 = 1 "
                    + "FULL JOIN h ON 1 = 1 FULL OUTER JOIN i ON 1 = 1 CROSS JOIN j NATURAL JOIN k "
                    + "STRAIGHT_JOIN l CROSS APPLY m OUTER APPLY n", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                    "k", "l", "m", "n");
            assertTables("SELECT * FROM a JOIN b ON a.x = b.x, c", "a", "b", "c");
            assertTables("SELECT * FROM a LEFT JOIN (b JOIN c ON b.x = c.x) ON a.y = b.y", "a", "b", "c");
            assertTables("SELECT * FROM ((a JOIN b ON 1 = 1) JOIN c ON 1 = 1)", "a", "b", "c");
        }

        @Test
        void qualifiedAndQuotedNamesAreUnquotedAndQualifiedAsWritten() {
            assertTables("SELECT * FROM public.orders o JOIN \"Order\" x ON 1 = 1 JOIN `order` y ON 1 = 1",
                    "public.orders", "Order", "order");
            assertTables("SELECT * FROM [dbo].[Order Lines] JOIN shop.\"Public\".t ON 1 = 1 JOIN #tmp ON 1 = 1",
                    "dbo.Order Lines", "shop.Public.t", "#tmp");
            assertTables("SELECT * FROM ONLY parent, LATERAL (SELECT 1) x", "parent");
        }

        @Test
        void subqueriesAndDerivedTables() {
            assertTables("SELECT * FROM a WHERE id IN (SELECT a_id FROM b WHERE EXISTS (SELECT 1 FROM c))",
                    "a", "b", "c");
            assertTables("SELECT * FROM (SELECT * FROM a) x JOIN (SELECT * FROM b) y ON 1 = 1, c", "a", "b", "c");
            assertTables("SELECT (SELECT max(v) FROM b), ARRAY(SELECT v FROM c) FROM a", "b", "c", "a");
            assertTables("SELECT * FROM (VALUES (1), (2)) v(x)");
            assertTables("SELECT * FROM a UNION ALL SELECT * FROM b UNION SELECT * FROM a", "a", "b");
            assertTables("SELECT * FROM (TABLE a) x", "a");
        }

        @Test
        void cteBodiesCountButNotTheCteNames() {
            assertTables("WITH recent AS (SELECT * FROM orders WHERE d > ?) SELECT * FROM recent", "orders");
            assertTables("WITH a AS (SELECT * FROM t1), b (x, y) AS (SELECT * FROM a JOIN t2 ON 1 = 1) "
                    + "SELECT * FROM b, t3", "t1", "t2", "t3");
            assertTables("WITH RECURSIVE tree AS (SELECT * FROM nodes WHERE parent IS NULL UNION ALL "
                    + "SELECT n.* FROM nodes n JOIN tree ON n.parent = tree.id) SELECT * FROM tree", "nodes");
            assertTables("SELECT * FROM (WITH x AS (SELECT * FROM t) SELECT * FROM x) y", "t");
            assertTables("WITH \"Recent\" AS (SELECT * FROM t) SELECT * FROM \"Recent\"", "t");
        }

        @Test
        void tableFunctionsAreNoTables() {
            assertTables("SELECT * FROM generate_series(1, 3) g");
            assertTables("SELECT * FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS u(x, n), t", "t");
            assertTables("SELECT * FROM t, LATERAL jsonb_array_elements(t.doc) e", "t");
            assertTables("SELECT * FROM pg_catalog.generate_series(1, 3)");
            assertTables("SELECT * FROM ROWS FROM (generate_series(1, 2), unnest(ARRAY[1])) AS x(a, b), t", "t");
        }

        @Test
        void jdbcOuterJoinEscapes() {
            assertTables("SELECT * FROM {oj t1 LEFT OUTER JOIN t2 ON t1.a = t2.a} WHERE d = {d '2020-01-01'}",
                    "t1", "t2");
        }

        @Test
        void fromInFunctionsAndDistinctFromIsNoTableList() {
            assertTables("SELECT EXTRACT(YEAR FROM created_at) FROM t", "t");
            assertTables("SELECT SUBSTRING(a FROM 2 FOR 3), TRIM(BOTH ' ' FROM b), POSITION('x' IN c), "
                    + "OVERLAY(d PLACING 'x' FROM 2) FROM t", "t");
            assertTables("SELECT * FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d", "t");
        }

        @Test
        void noFromMeansNoTables() {
            assertTables("SELECT 1");
            assertTables("SELECT now()");
            assertTables("SELECT 1 FROM dual");
        }

        @Test
        void whatCannotBeReadMakesTheTablesUnknown() {
            assertThat(analyze("SELECT * FROM ?").tablesKnown()).isFalse();
            assertThat(analyze("SELECT * FROM").tablesKnown()).isFalse();
            assertThat(analyze("SELECT * FROM 'x'").tablesKnown()).isFalse();
            assertThat(analyze("SELECT * FROM t, $1").tables()).containsExactly("t");
            assertThat(analyze("SELECT * FROM t, $1").tablesKnown()).isFalse();
            assertThat(analyze("INSERT INTO t VALUES (1)").tablesKnown()).isFalse();
        }

        @Test
        void tablesOfANotRoutableReadAreStillListed() {
            ReadInfo info = analyze("SELECT * FROM a JOIN b ON 1 = 1 FOR UPDATE");
            assertThat(info.routable()).isFalse();
            assertThat(info.tables()).containsExactly("a", "b");
        }
    }

    @Nested
    class Ordering {

        @Test
        void aTopLevelOrderByOrders() {
            assertThat(analyze("SELECT * FROM t ORDER BY a").ordered()).isTrue();
            assertThat(analyze("SELECT * FROM t order\n by a DESC LIMIT 5").ordered()).isTrue();
            assertThat(analyze("(SELECT * FROM t) ORDER BY a").ordered()).isTrue();
            assertThat(analyze("(SELECT * FROM t ORDER BY a)").ordered()).isTrue();
            assertThat(analyze("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1").ordered()).isTrue();
            assertThat(analyze("((SELECT a FROM t) UNION (SELECT b FROM u)) ORDER BY 1").ordered()).isTrue();
            assertThat(analyze("WITH x AS (SELECT * FROM t) SELECT * FROM x ORDER BY a").ordered()).isTrue();
            assertThat(analyze("SELECT * FROM t WHERE a IN (SELECT b FROM u ORDER BY b) ORDER BY a").ordered())
                    .isTrue();
        }

        @Test
        void anOrderByOnlyInASubqueryWindowOrOperandDoesNotOrder() {
            assertThat(analyze("SELECT * FROM t").ordered()).isFalse();
            assertThat(analyze("SELECT * FROM (SELECT * FROM t ORDER BY a) x").ordered()).isFalse();
            assertThat(analyze("SELECT row_number() OVER (ORDER BY a) FROM t").ordered()).isFalse();
            assertThat(analyze("SELECT string_agg(a, ',' ORDER BY a) FROM t").ordered()).isFalse();
            assertThat(analyze("WITH x AS (SELECT * FROM t ORDER BY a) SELECT * FROM x").ordered()).isFalse();
            assertThat(analyze("(SELECT a FROM t ORDER BY a) UNION (SELECT b FROM u)").ordered()).isFalse();
            assertThat(analyze("(SELECT a FROM t) UNION (SELECT b FROM u ORDER BY b)").ordered()).isFalse();
            assertThat(analyze("SELECT 'ORDER BY a' FROM t -- ORDER BY b").ordered()).isFalse();
        }
    }

    @Nested
    class Robustness {

        private final List<String> samples = Arrays.asList(
                "WITH RECURSIVE r(a) AS MATERIALIZED (SELECT 1 FROM \"T\" UNION ALL SELECT a + 1 FROM r) "
                        + "SELECT * FROM r JOIN [x].[y] ON 1 = 1, LATERAL f(r.a) ORDER BY 1 FOR UPDATE",
                "SELECT EXTRACT(YEAR FROM d), 'it\\'s', $$x$$, E'\\'' FROM ONLY a LEFT JOIN (b JOIN c USING (k)) "
                        + "ON 1 = 1 WHERE x IS DISTINCT FROM y AND @v = 1 # c'\n LOCK IN SHARE MODE; SELECT 2",
                "(SELECT nextval('s') INTO @x FROM `t` UNION (TABLE u)) ORDER BY 1 /* c */ -- d\n;",
                "WITH a AS (DELETE FROM t RETURNING *), b AS (SELECT * FROM a) SELECT * FROM b");

        @Test
        void everyPrefixAndSuffixOfATrickyStatementIsAnalysedWithoutThrowing() {
            for (String sample : samples) {
                for (int i = 0; i <= sample.length(); i++) {
                    assertThat(ReadAnalyzer.analyzeUnchecked(sample.substring(0, i))).isNotNull();
                    assertThat(ReadAnalyzer.analyzeUnchecked(sample.substring(i))).isNotNull();
                }
            }
        }

        @Test
        void randomInputIsAnalysedWithoutThrowing() {
            Random random = new Random(42);
            String alphabet = "SELECTfromjoinWITHasFORupdateINTOorderBYnextval(lateral)@#ab"
                    + "_$.,;:()[]{}?='\"`\\/*-\n\t \u00e4";
            String[] starts = {"SELECT ", "WITH ", "(SELECT ", "SELECT * FROM ", "WITH x AS ("};
            for (int round = 0; round < 20_000; round++) {
                int length = random.nextInt(80);
                StringBuilder sb = new StringBuilder(length);
                if (random.nextInt(4) != 0) {
                    sb.append(starts[random.nextInt(starts.length)]);
                }
                for (int i = 0; i < length; i++) {
                    sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x10000)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(ReadAnalyzer.analyzeUnchecked(sb.toString())).isNotNull();
            }
        }

        @Test
        void randomBytesAreAnalysedWithoutThrowing() {
            Random random = new Random(7);
            for (int round = 0; round < 2_000; round++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                String utf8 = new String(bytes, StandardCharsets.UTF_8);
                assertThat(ReadAnalyzer.analyzeUnchecked("SELECT " + utf8)).isNotNull();
                assertThat(ReadAnalyzer.analyzeUnchecked(new String(bytes, StandardCharsets.ISO_8859_1))).isNotNull();
            }
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void pathologicalMegabyteInputsTakeLinearTime() {
            int size = 1 << 20;
            for (String unit : Arrays.asList("(", ")", "((SELECT ", "[", "$", "$a$", "'", "\"", "/*", "--", "\\",
                    "#", "# '", ".", "a.", "from ", "from a, ", "join (", "with x as (", "order by ", "@", "for ",
                    "e'", "f(")) {
                String repeated = unit.repeat(size / unit.length());
                assertThat(ReadAnalyzer.analyzeUnchecked("SELECT " + repeated)).isNotNull();
                assertThat(ReadAnalyzer.analyzeUnchecked("WITH " + repeated)).isNotNull();
                assertThat(ReadAnalyzer.analyzeUnchecked("SELECT * FROM " + repeated)).isNotNull();
            }
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void aMegabyteOfDistinctTablesOrCtesIsCutShortAndTheTablesUnknown() {
            StringBuilder from = new StringBuilder("SELECT * FROM t0");
            StringBuilder with = new StringBuilder("WITH c0 AS (SELECT 1)");
            for (int i = 1; from.length() < 1 << 20; i++) {
                from.append(", t").append(i);
                with.append(", c").append(i).append(" AS (SELECT 1)");
            }
            ReadInfo tables = analyze(from.toString());
            assertThat(tables.routable()).isTrue();
            assertThat(tables.tablesKnown()).isFalse();
            assertThat(tables.tables()).hasSize(256).startsWith("t0", "t1");
            assertThat(analyze(with + " SELECT * FROM c0").tablesKnown()).isFalse();
        }

        @Test
        void deepNestingMakesTheTablesUnknownButStillAnswers() {
            String deep = "SELECT * FROM " + "(SELECT * FROM ".repeat(100) + "t" + ") x".repeat(100);
            ReadInfo info = analyze(deep);
            assertThat(info.routable()).isTrue();
            assertThat(info.tablesKnown()).isFalse();
        }

        @Test
        void analyzeNeverThrowsAndTheCacheServesIt() {
            assertThat(ReadAnalyzer.analyze(null).routable()).isFalse();
            SqlTextCache<ReadInfo> cache = new SqlTextCache<>(8, ReadAnalyzer::analyze);
            ReadInfo first = cache.get("SELECT * FROM t ORDER BY a");
            assertThat(cache.get(new String("SELECT * FROM t ORDER BY a"))).isSameAs(first);
            assertThat(first).isEqualTo(new ReadInfo(null, List.of("t"), true, true));
        }
    }

    @Test
    void readInfoIsAValueWithAReadableToString() {
        ReadInfo info = new ReadInfo("FOR UPDATE", List.of("a"), false, true);
        assertThat(info).isEqualTo(new ReadInfo("FOR UPDATE", List.of("a"), false, true));
        assertThat(info.hashCode()).isEqualTo(new ReadInfo("FOR UPDATE", List.of("a"), false, true).hashCode());
        assertThat(info).isNotEqualTo(new ReadInfo(null, List.of("a"), false, true));
        assertThat(info.toString()).contains("FOR UPDATE", "a", "incomplete");
        assertThat(new ReadInfo(null, null, true, false).tables()).isEmpty();
    }
}
