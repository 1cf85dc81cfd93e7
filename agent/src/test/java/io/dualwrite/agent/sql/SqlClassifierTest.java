package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SqlClassifierTest {

    private static SqlInfo classify(String sql) {
        return SqlClassifier.classify(sql);
    }

    private static void assertClassified(String sql, SqlKind kind, String verb, String table) {
        assertThat(classify(sql)).as(sql).isEqualTo(new SqlInfo(kind, verb, table));
    }

    private static void assertWrite(String sql, String verb, String table) {
        assertClassified(sql, SqlKind.WRITE, verb, table);
    }

    private static void assertDdl(String sql, String verb, String table) {
        assertClassified(sql, SqlKind.DDL, verb, table);
    }

    private static void assertRead(String sql, String verb) {
        assertClassified(sql, SqlKind.READ, verb, null);
    }

    private static void assertOther(String sql, String verb) {
        assertClassified(sql, SqlKind.OTHER, verb, null);
    }

    private static void assertProcedure(String sql, String verb) {
        assertClassified(sql, SqlKind.PROCEDURE, verb, null);
    }

    @Nested
    class Writes {

        @Test
        void insertIsAWriteOnItsTable() {
            assertWrite("INSERT INTO orders (id) VALUES (?)", "INSERT", "orders");
        }

        @Test
        void keywordsAreCaseInsensitiveAndTheVerbIsUpperCase() {
            assertWrite("insert into orders values (1)", "INSERT", "orders");
            assertWrite("InSeRt InTo orders values (1)", "INSERT", "orders");
            assertWrite("update orders set a = 1", "UPDATE", "orders");
            assertWrite("Delete From orders", "DELETE", "orders");
        }

        @Test
        void tableNameKeepsTheCaseAsWritten() {
            assertWrite("INSERT INTO Orders VALUES (1)", "INSERT", "Orders");
            assertWrite("insert into MySchema.OrderLines values (1)", "INSERT", "MySchema.OrderLines");
        }

        @Test
        void tableNameMayBeFollowedByAnything() {
            assertWrite("INSERT INTO orders(id) VALUES (1)", "INSERT", "orders");
            assertWrite("INSERT INTO orders\n\t(id) VALUES (1)", "INSERT", "orders");
            assertWrite("INSERT INTO orders VALUES(1)", "INSERT", "orders");
            assertWrite("INSERT INTO orders AS o (id) VALUES (1)", "INSERT", "orders");
            assertWrite("INSERT INTO orders SELECT * FROM staging", "INSERT", "orders");
            assertWrite("INSERT INTO orders DEFAULT VALUES;", "INSERT", "orders");
            assertWrite("INSERT INTO orders;", "INSERT", "orders");
            assertWrite("INSERT INTO orders", "INSERT", "orders");
            assertWrite("INSERT INTO orders/* c */(id) VALUES (1)", "INSERT", "orders");
            assertWrite("UPDATE orders o SET o.a = 1", "UPDATE", "orders");
            assertWrite("UPDATE orders AS o SET a = 1", "UPDATE", "orders");
            assertWrite("UPDATE orders SET a = 1", "UPDATE", "orders");
        }

        @Test
        void insertWithoutIntoIsAWrite() {
            assertWrite("INSERT orders VALUES (1)", "INSERT", "orders");
        }

        @Test
        void qualifiedTableNamesKeepTheirSchemaAndCatalog() {
            assertWrite("INSERT INTO public.orders VALUES (1)", "INSERT", "public.orders");
            assertWrite("INSERT INTO shop.public.orders VALUES (1)", "INSERT", "shop.public.orders");
            assertWrite("UPDATE sales.orders SET a = 1", "UPDATE", "sales.orders");
            assertWrite("DELETE FROM sales.orders WHERE id = 1", "DELETE", "sales.orders");
        }

        @Test
        void whitespaceAndCommentsAroundTheQualifyingDotAreTolerated() {
            assertWrite("INSERT INTO public . orders VALUES (1)", "INSERT", "public.orders");
            assertWrite("INSERT INTO public/* x */.orders VALUES (1)", "INSERT", "public.orders");
        }

        @Test
        void sqlServerDefaultSchemaDoubleDotIsKept() {
            assertWrite("INSERT INTO shop..orders VALUES (1)", "INSERT", "shop..orders");
        }

        @Test
        void doubleQuotedTableNamesAreUnquoted() {
            assertWrite("INSERT INTO \"Orders\" VALUES (1)", "INSERT", "Orders");
            assertWrite("INSERT INTO \"public\".\"Orders\" VALUES (1)", "INSERT", "public.Orders");
            assertWrite("INSERT INTO public.\"Order Lines\"(id) VALUES (1)", "INSERT", "public.Order Lines");
            assertWrite("UPDATE \"Orders\" SET a = 1", "UPDATE", "Orders");
        }

        @Test
        void backtickQuotedTableNamesAreUnquoted() {
            assertWrite("INSERT INTO `orders` VALUES (1)", "INSERT", "orders");
            assertWrite("INSERT INTO `shop`.`orders` VALUES (1)", "INSERT", "shop.orders");
            assertWrite("DELETE FROM `shop`.orders WHERE id = 1", "DELETE", "shop.orders");
        }

        @Test
        void bracketQuotedTableNamesAreUnquoted() {
            assertWrite("INSERT INTO [Orders] VALUES (1)", "INSERT", "Orders");
            assertWrite("INSERT INTO [dbo].[Order Details] VALUES (1)", "INSERT", "dbo.Order Details");
            assertWrite("UPDATE [dbo].Orders SET a = 1", "UPDATE", "dbo.Orders");
        }

        @Test
        void doubledQuotesInsideQuotedNamesAreUnescaped() {
            assertWrite("INSERT INTO \"a\"\"b\" VALUES (1)", "INSERT", "a\"b");
            assertWrite("INSERT INTO `a``b` VALUES (1)", "INSERT", "a`b");
            assertWrite("INSERT INTO [a]]b] VALUES (1)", "INSERT", "a]b");
        }

        @Test
        void aDotInsideAQuotedNameIsNotAQualifier() {
            assertWrite("INSERT INTO \"my.table\" VALUES (1)", "INSERT", "my.table");
        }

        @Test
        void unterminatedQuotedTableNameIsAWriteWithAnUnknownTable() {
            assertWrite("INSERT INTO \"orders VALUES (1)", "INSERT", null);
        }

        @Test
        void sqlServerTemporaryTablesKeepTheirHash() {
            assertWrite("INSERT INTO #staging VALUES (1)", "INSERT", "#staging");
            assertWrite("INSERT INTO ##shared VALUES (1)", "INSERT", "##shared");
        }

        @Test
        void nonAsciiTableNamesAreKept() {
            assertWrite("INSERT INTO bestellungen_ä VALUES (1)", "INSERT", "bestellungen_ä");
            assertWrite("UPDATE Ärger SET a = 1", "UPDATE", "Ärger");
        }

        @Test
        void insertWithMySqlModifiersIsAWrite() {
            assertWrite("INSERT LOW_PRIORITY INTO t VALUES (1)", "INSERT", "t");
            assertWrite("INSERT DELAYED INTO t VALUES (1)", "INSERT", "t");
            assertWrite("INSERT HIGH_PRIORITY INTO t VALUES (1)", "INSERT", "t");
            assertWrite("INSERT IGNORE INTO t VALUES (1)", "INSERT", "t");
            assertWrite("insert low_priority ignore into t set a = 1", "INSERT", "t");
            assertWrite("INSERT IGNORE t VALUES (1)", "INSERT", "t");
        }

        @Test
        void insertOnDuplicateKeyUpdateIsAnInsert() {
            assertWrite("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2", "INSERT", "t");
        }

        @Test
        void oracleMultiTableInsertHasNoSingleTable() {
            assertWrite("INSERT ALL INTO a VALUES (1) INTO b VALUES (2) SELECT * FROM dual", "INSERT", null);
            assertWrite("INSERT FIRST WHEN x > 1 THEN INTO a SELECT * FROM s", "INSERT", null);
        }

        @Test
        void replaceIsAWrite() {
            assertWrite("REPLACE INTO t VALUES (1)", "REPLACE", "t");
            assertWrite("REPLACE t VALUES (1)", "REPLACE", "t");
            assertWrite("replace low_priority into shop.t values (1)", "REPLACE", "shop.t");
            assertWrite("REPLACE DELAYED INTO `t` VALUES (1)", "REPLACE", "t");
        }

        @Test
        void updateWithModifiersIsAWrite() {
            assertWrite("UPDATE LOW_PRIORITY t SET a = 1", "UPDATE", "t");
            assertWrite("UPDATE IGNORE t SET a = 1", "UPDATE", "t");
            assertWrite("UPDATE LOW_PRIORITY IGNORE t SET a = 1", "UPDATE", "t");
            assertWrite("UPDATE ONLY public.t SET a = 1", "UPDATE", "public.t");
        }

        @Test
        void multiTableUpdateNamesTheFirstTable() {
            assertWrite("UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.a", "UPDATE", "t1");
            assertWrite("UPDATE t1, t2 SET t1.a = t2.a", "UPDATE", "t1");
        }

        @Test
        void deleteWithModifiersIsAWrite() {
            assertWrite("DELETE FROM t WHERE id = 1", "DELETE", "t");
            assertWrite("DELETE LOW_PRIORITY FROM t", "DELETE", "t");
            assertWrite("DELETE QUICK FROM t", "DELETE", "t");
            assertWrite("DELETE IGNORE FROM t", "DELETE", "t");
            assertWrite("delete low_priority quick ignore from t where id = 1", "DELETE", "t");
            assertWrite("DELETE FROM ONLY public.t WHERE id = 1", "DELETE", "public.t");
            assertWrite("DELETE FROM t USING u WHERE t.id = u.id", "DELETE", "t");
        }

        @Test
        void mySqlMultiTableDeleteNamesTheFirstTargetTable() {
            assertWrite("DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id", "DELETE", "t1");
            assertWrite("DELETE t1, t2 FROM t1 JOIN t2 ON t1.id = t2.id", "DELETE", "t1");
            assertWrite("DELETE t1.* FROM t1 JOIN t2 ON t1.id = t2.id", "DELETE", "t1");
            assertWrite("DELETE LOW_PRIORITY t1 FROM t1 JOIN t2", "DELETE", "t1");
        }

        @Test
        void deleteWithoutFromIsAWrite() {
            assertWrite("DELETE orders WHERE id = 1", "DELETE", "orders");
        }

        @Test
        void mergeIsAWrite() {
            assertWrite("MERGE INTO target t USING source s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = 1",
                    "MERGE", "target");
            assertWrite("merge into dbo.[Target] using src on 1 = 1", "MERGE", "dbo.Target");
            assertWrite("MERGE target USING source ON 1 = 1", "MERGE", "target");
        }

        @Test
        void upsertIsAWrite() {
            assertWrite("UPSERT INTO t (a) VALUES (1)", "UPSERT", "t");
            assertWrite("upsert into \"S\".\"T\" values (1)", "UPSERT", "S.T");
        }

        @Test
        void writeWithoutATableHasAnUnknownTable() {
            assertWrite("INSERT INTO", "INSERT", null);
            assertWrite("UPDATE", "UPDATE", null);
            assertWrite("DELETE FROM (SELECT 1)", "DELETE", null);
            assertWrite("MERGE INTO ;", "MERGE", null);
        }

        @Test
        void writesAreMirrorableWithOrWithoutDdl() {
            SqlInfo info = classify("INSERT INTO t VALUES (1)");
            assertThat(info.isMirrorable(false)).isTrue();
            assertThat(info.isMirrorable(true)).isTrue();
        }
    }

    @Nested
    class LeadingNoise {

        @Test
        void insertAfterLeadingWhitespaceIsAWrite() {
            assertWrite(" \t\r\n\f INSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("\u00A0\u2003\uFEFFINSERT INTO t VALUES (1)", "INSERT", "t");
        }

        @Test
        void insertAfterLeadingCommentsIsAWrite() {
            assertWrite("-- a line comment\nINSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("-- windows line end\r\nINSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("/* a block comment */ INSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("/* multi\n line\n */INSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("# a MySQL comment\nINSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("/* a */ -- b\n # c\n /* d */ INSERT INTO t VALUES (1)", "INSERT", "t");
        }

        @Test
        void nestedBlockCommentsAreSkippedWhole() {
            assertWrite("/* outer /* inner */ SELECT still a comment */ INSERT INTO t VALUES (1)", "INSERT", "t");
            assertWrite("/*/**/*/UPDATE t SET a = 1", "UPDATE", "t");
            assertRead("/* a /* b /* c */ */ INSERT */ SELECT 1", "SELECT");
        }

        @Test
        void commentsBetweenKeywordsAreSkipped() {
            assertWrite("INSERT /* hint */ INTO -- c\n t VALUES (1)", "INSERT", "t");
            assertWrite("DELETE/**/FROM/**/t", "DELETE", "t");
        }

        @Test
        void hashIsACommentOnlyWhereAStatementMayStart() {
            assertWrite("INSERT INTO t#1\nVALUES (1)", "INSERT", "t");
            assertWrite("INSERT INTO #t VALUES (1)", "INSERT", "#t");
        }

        @Test
        void leadingParenthesesAreSkipped() {
            assertRead("(SELECT 1) UNION (SELECT 2)", "SELECT");
            assertRead("((  SELECT 1))", "SELECT");
            assertRead("( /* c */ (WITH x AS (SELECT 1) SELECT * FROM x))", "SELECT");
        }

        @Test
        void leadingSemicolonsAreSkipped() {
            assertWrite(";WITH x AS (SELECT 1) UPDATE t SET a = 1", "UPDATE", "t");
            assertWrite(" ; ; INSERT INTO t VALUES (1)", "INSERT", "t");
        }
    }

    @Nested
    class ProcedureCalls {

        @Test
        void jdbcCallEscapeIsAProcedure() {
            assertProcedure("{call p(?)}", "CALL");
            assertProcedure("{ CALL shop.p(?, ?) }", "CALL");
            assertProcedure("  {call p}", "CALL");
        }

        @Test
        void jdbcCallEscapeWithReturnValueIsAProcedure() {
            assertProcedure("{? = call p(?)}", "CALL");
            assertProcedure("{?=call p(?)}", "CALL");
            assertProcedure("{ ? = CALL p }", "CALL");
        }

        @Test
        void plainCallExecAndExecuteAreProcedures() {
            assertProcedure("CALL p(1)", "CALL");
            assertProcedure("call shop.p()", "CALL");
            assertProcedure("EXEC dbo.p @a = 1", "EXEC");
            assertProcedure("execute p 1", "EXECUTE");
        }

        @Test
        void otherJdbcEscapesAreNotProcedures() {
            assertOther("{fn now()}", "");
            assertOther("{? call p}", "");
            assertOther("{", "");
        }

        @Test
        void proceduresAreNeverMirrorable() {
            assertThat(classify("{call p}").isMirrorable(true)).isFalse();
        }
    }

    @Nested
    class WithStatements {

        @Test
        void withInsertMainStatementIsAWriteOnItsTable() {
            assertWrite("WITH s AS (SELECT * FROM staging) INSERT INTO orders SELECT * FROM s", "INSERT", "orders");
        }

        @Test
        void withUpdateMainStatementIsAWriteOnItsTable() {
            assertWrite("with s as (select id from staging) "
                    + "update public.orders set a = 1 where id in (select id from s)",
                    "UPDATE", "public.orders");
        }

        @Test
        void withDeleteMainStatementIsAWriteOnItsTable() {
            assertWrite("WITH old AS (SELECT id FROM o WHERE d < now()) "
                    + "DELETE FROM \"Orders\" WHERE id IN (SELECT id FROM old)",
                    "DELETE", "Orders");
        }

        @Test
        void withMergeMainStatementIsAWrite() {
            assertWrite("WITH s AS (SELECT 1 AS id) MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
                    "MERGE", "t");
        }

        @Test
        void withRecursiveIsHandledLikeWith() {
            assertRead("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r", "SELECT");
            assertWrite("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) INSERT INTO t SELECT n FROM r",
                    "INSERT", "t");
        }

        @Test
        void dataModifyingCteWithASelectMainStatementIsAWriteOnTheCteTable() {
            assertWrite("WITH moved AS (DELETE FROM old_orders WHERE d < now() RETURNING *) SELECT count(*) FROM moved",
                    "DELETE", "old_orders");
            assertWrite("WITH a AS (SELECT 1), b AS (UPDATE t SET x = 1 RETURNING *) SELECT * FROM b", "UPDATE", "t");
        }

        @Test
        void firstDataModifyingCteWinsWhenTheMainStatementIsASelect() {
            assertWrite("WITH a AS (INSERT INTO first_t VALUES (1) RETURNING *), "
                    + "b AS (DELETE FROM second_t RETURNING *) SELECT * FROM a, b", "INSERT", "first_t");
        }

        @Test
        void mainStatementWinsOverADataModifyingCte() {
            assertWrite("WITH moved AS (DELETE FROM old_orders RETURNING *) INSERT INTO archive SELECT * FROM moved",
                    "INSERT", "archive");
        }

        @Test
        void withSelectMentioningUpdatedAtIsARead() {
            assertRead("WITH x AS (SELECT id, updated_at, insert_count, deleted FROM t) SELECT * FROM x", "SELECT");
        }

        @Test
        void keywordInsideAStringLiteralDoesNotMakeAWrite() {
            assertRead("WITH x AS (SELECT 'insert' AS op, 'it''s an update' AS b) SELECT * FROM x", "SELECT");
            assertRead("WITH x AS (SELECT 'it\\'s a delete' AS b) SELECT * FROM x", "SELECT");
        }

        @Test
        void keywordInsideAnEscapeStringDoesNotMakeAWrite() {
            assertRead("WITH x AS (SELECT E'\\' insert into t' AS a) SELECT * FROM x", "SELECT");
            assertRead("WITH x AS (SELECT e'update' AS a) SELECT * FROM x", "SELECT");
        }

        @Test
        void keywordInsideDollarQuotesDoesNotMakeAWrite() {
            assertRead("WITH x AS (SELECT $$ insert into t $$ AS a) SELECT * FROM x", "SELECT");
            assertRead("WITH x AS (SELECT $body$ it's a $$ delete $$ $body$ AS a) SELECT * FROM x", "SELECT");
            assertRead("WITH x AS (SELECT $_1$ update $_1$) SELECT 1", "SELECT");
        }

        @Test
        void writeAfterDollarQuotesIsFound() {
            assertWrite("WITH x AS (SELECT $q$ ' \" $q$ AS a) DELETE FROM t", "DELETE", "t");
            assertWrite("WITH x AS (SELECT * FROM t WHERE a = $1) UPDATE t SET b = $2", "UPDATE", "t");
        }

        @Test
        void keywordInsideAQuotedIdentifierDoesNotMakeAWrite() {
            assertRead("WITH x AS (SELECT \"update\", `insert`, [delete], [merge] FROM t) SELECT * FROM x", "SELECT");
        }

        @Test
        void keywordInsideACommentDoesNotMakeAWrite() {
            assertRead("WITH x AS (SELECT 1 -- insert into t\n) /* delete /* nested */ update */ SELECT * FROM x",
                    "SELECT");
        }

        @Test
        void qualifiedColumnNamedLikeAKeywordDoesNotMakeAWrite() {
            assertRead("WITH x AS (SELECT t.merge FROM t) SELECT * FROM x", "SELECT");
        }

        @Test
        void rowLockingClausesAreNotUpdates() {
            assertRead("WITH x AS (SELECT * FROM t FOR UPDATE) SELECT * FROM x", "SELECT");
            assertRead("WITH x AS (SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED) SELECT * FROM x", "SELECT");
            assertRead("WITH x AS (SELECT 1) SELECT * FROM t FOR /* c */ UPDATE", "SELECT");
        }

        @Test
        void mySqlInsertFunctionIsNotAnInsert() {
            assertRead("WITH x AS (SELECT INSERT('Quadratic', 3, 4, 'What') AS s) SELECT * FROM x", "SELECT");
        }

        @Test
        void literalsInsideArraySubscriptsAreStillSkipped() {
            assertRead("WITH x AS (SELECT a[1], ARRAY['x]', 'delete'] FROM t) SELECT * FROM x", "SELECT");
            assertWrite("WITH x AS (SELECT ARRAY[']'] FROM t) DELETE FROM t", "DELETE", "t");
        }

        @Test
        void writeAfterBackslashEscapedQuotesIsFound() {
            assertWrite("WITH x AS (SELECT 'it\\'s' AS a) INSERT INTO t SELECT a FROM x", "INSERT", "t");
            assertWrite("WITH x AS (SELECT E'it\\'s' AS a) DELETE FROM t", "DELETE", "t");
        }

        @Test
        void foreignKeyActionsAreNotWrites() {
            assertRead("WITH x AS (SELECT 1) SELECT * FROM x; CREATE TABLE c (p INT REFERENCES t ON DELETE CASCADE "
                    + "ON UPDATE SET NULL)", "SELECT");
        }

        @Test
        void backslashAmbiguityResolvesTowardsTheWrite() {
            // Standard SQL reads 'C:\' as a whole literal; MySQL would not: the INSERT must be found either way.
            assertWrite("WITH x AS (SELECT 'C:\\' AS d) INSERT INTO t SELECT 'y' FROM x", "INSERT", "t");
        }

        @Test
        void unterminatedLiteralsInAWithHideTheRest() {
            assertRead("WITH x AS (SELECT 'open) INSERT INTO t", "SELECT");
            assertRead("WITH x AS (SELECT $$ open) DELETE FROM t", "SELECT");
            assertRead("WITH x AS (SELECT 1 /* open) DELETE FROM t", "SELECT");
        }

        @Test
        void writeInALaterStatementOfTheSameTextIsFound() {
            assertWrite("WITH x AS (SELECT 1) SELECT * FROM x; DELETE FROM t", "DELETE", "t");
            assertWrite("WITH x AS (SELECT 1) SELECT * FROM x;\n# comment\nINSERT INTO t VALUES (1)", "INSERT", "t");
        }

        @Test
        void withReadIsNotMirrorable() {
            assertThat(classify("WITH x AS (SELECT 1) SELECT * FROM x").isMirrorable(true)).isFalse();
        }
    }

    @Nested
    class Ddl {

        @Test
        void createTableNamesItsTable() {
            assertDdl("CREATE TABLE orders (id INT)", "CREATE", "orders");
            assertDdl("create table public.\"Orders\"(id int)", "CREATE", "public.Orders");
            assertDdl("CREATE TABLE IF NOT EXISTS `shop`.`orders` (id INT)", "CREATE", "shop.orders");
            assertDdl("CREATE TABLE t AS SELECT * FROM s", "CREATE", "t");
        }

        @Test
        void createTableWithModifiersNamesItsTable() {
            assertDdl("CREATE OR REPLACE TABLE t (a INT)", "CREATE", "t");
            assertDdl("CREATE GLOBAL TEMPORARY TABLE t (a INT)", "CREATE", "t");
            assertDdl("CREATE LOCAL TEMP TABLE t (a INT)", "CREATE", "t");
            assertDdl("CREATE TEMPORARY TABLE IF NOT EXISTS t (a INT)", "CREATE", "t");
            assertDdl("CREATE UNLOGGED TABLE t (a INT)", "CREATE", "t");
        }

        @Test
        void createIndexNamesItsTable() {
            assertDdl("CREATE INDEX ix ON orders (a)", "CREATE", "orders");
            assertDdl("CREATE UNIQUE INDEX ix ON public.orders (a)", "CREATE", "public.orders");
            assertDdl("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"Ix\" ON ONLY \"S\".\"Orders\" USING btree (a)",
                    "CREATE", "S.Orders");
            assertDdl("CREATE INDEX ON orders (a)", "CREATE", "orders");
            assertDdl("CREATE INDEX ix USING BTREE ON orders (a)", "CREATE", "orders");
            assertDdl("CREATE UNIQUE NONCLUSTERED INDEX [ix] ON [dbo].[orders] (a)", "CREATE", "dbo.orders");
        }

        @Test
        void otherCreatesHaveNoTable() {
            assertDdl("CREATE VIEW v AS SELECT 1", "CREATE", null);
            assertDdl("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql", "CREATE", null);
            assertDdl("CREATE SEQUENCE s", "CREATE", null);
            assertDdl("CREATE INDEX", "CREATE", null);
        }

        @Test
        void alterTableNamesItsTable() {
            assertDdl("ALTER TABLE orders ADD COLUMN a INT", "ALTER", "orders");
            assertDdl("alter table if exists only public.orders drop column a", "ALTER", "public.orders");
            assertDdl("ALTER TABLE `orders` ADD a INT", "ALTER", "orders");
            assertDdl("ALTER SEQUENCE s RESTART", "ALTER", null);
        }

        @Test
        void dropTableNamesItsFirstTable() {
            assertDdl("DROP TABLE orders", "DROP", "orders");
            assertDdl("DROP TABLE IF EXISTS a, b CASCADE", "DROP", "a");
            assertDdl("DROP TEMPORARY TABLE IF EXISTS t", "DROP", "t");
            assertDdl("DROP INDEX ix", "DROP", null);
        }

        @Test
        void truncateNamesItsTable() {
            assertDdl("TRUNCATE orders", "TRUNCATE", "orders");
            assertDdl("TRUNCATE TABLE orders", "TRUNCATE", "orders");
            assertDdl("truncate table only public.orders restart identity", "TRUNCATE", "public.orders");
            assertDdl("TRUNCATE", "TRUNCATE", null);
        }

        @Test
        void renameTableNamesTheOldTable() {
            assertDdl("RENAME TABLE a TO b", "RENAME", "a");
            assertDdl("RENAME TABLE shop.a TO shop.b, shop.c TO shop.d", "RENAME", "shop.a");
            assertDdl("RENAME USER a TO b", "RENAME", null);
        }

        @Test
        void commentOnIsDdlWithoutATable() {
            assertDdl("COMMENT ON TABLE t IS 'x'", "COMMENT", null);
        }

        @Test
        void ddlIsMirrorableOnlyWhenConfigured() {
            SqlInfo info = classify("CREATE TABLE t (a INT)");
            assertThat(info.isMirrorable(true)).isTrue();
            assertThat(info.isMirrorable(false)).isFalse();
        }
    }

    @Nested
    class Reads {

        @Test
        void queriesAreReads() {
            assertRead("SELECT * FROM t", "SELECT");
            assertRead("select 1", "SELECT");
            assertRead("VALUES (1), (2)", "VALUES");
            assertRead("TABLE orders", "TABLE");
            assertRead("SHOW TABLES", "SHOW");
            assertRead("DESCRIBE orders", "DESCRIBE");
            assertRead("desc orders", "DESC");
            assertRead("EXPLAIN SELECT 1", "EXPLAIN");
        }

        @Test
        void keywordsLaterInASelectDoNotMakeAWrite() {
            assertRead("SELECT insert_count, 'delete' FROM t FOR UPDATE", "SELECT");
        }

        @Test
        void selectIntoStaysAReadAsADocumentedLimit() {
            assertRead("SELECT * INTO new_table FROM t", "SELECT");
        }

        @Test
        void readsAreNeverMirrorable() {
            assertThat(classify("SELECT 1").isMirrorable(true)).isFalse();
        }
    }

    @Nested
    class Others {

        @Test
        void sessionAndTransactionStatementsAreOther() {
            for (String kw : Arrays.asList("SET", "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
                    "LOCK", "UNLOCK", "USE", "GRANT", "REVOKE", "ANALYZE", "VACUUM", "COPY", "DO", "PREPARE",
                    "DEALLOCATE")) {
                assertOther(kw + " something", kw);
                assertOther(kw.toLowerCase(Locale.ROOT) + ";", kw);
            }
            assertOther("SET search_path TO public", "SET");
            assertOther("START TRANSACTION", "START");
            assertOther("COPY t FROM STDIN", "COPY");
            assertOther("DO $$ BEGIN INSERT INTO t VALUES (1); END $$", "DO");
        }

        @Test
        void unknownKeywordIsOtherWithThatVerb() {
            assertOther("frobnicate the database", "FROBNICATE");
        }

        @Test
        void emptyCommentOnlyAndNullAreOtherWithoutAVerb() {
            assertOther(null, "");
            assertOther("", "");
            assertOther("   \n\t ", "");
            assertOther("-- just a comment", "");
            assertOther("/* just a comment */", "");
            assertOther("# just a comment\n", "");
            assertOther(";", "");
            assertOther("()", "");
        }

        @Test
        void unterminatedLeadingCommentIsOther() {
            assertOther("/* INSERT INTO t VALUES (1)", "");
            assertOther("/* /* */ INSERT INTO t VALUES (1)", "");
        }

        @Test
        void garbageIsOtherWithoutAVerb() {
            assertOther("?!", "");
            assertOther("123 INSERT", "");
            assertOther("\u0000\u0001\u0002", "");
            assertOther("\uD83D\uDE00", "");
            assertOther("a".repeat(100), "");
        }

        @Test
        void otherIsNeverMirrorable() {
            assertThat(classify("SET x = 1").isMirrorable(true)).isFalse();
        }
    }

    @Nested
    class Robustness {

        private final List<String> samples = Arrays.asList(
                "/* a /* b */ c */ -- d\n# e\n(INSERT LOW_PRIORITY IGNORE INTO \"s\".`t`.[u]]v] (a) "
                        + "VALUES ('x''y\\'z')",
                "WITH RECURSIVE r AS (SELECT E'\\'', $t$ x $t$, $$y$$, \"q\"\"\", `b``c`, [d]]e], a[1] FROM t -- c\n"
                        + "/* n /* m */ */ WHERE x = $1) DELETE FROM ONLY public.t; # c\n UPDATE u SET a = 1",
                "{ ? = call p(?) }",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON ONLY \"S\".\"T\" (a)",
                "DELETE LOW_PRIORITY QUICK IGNORE t1.* FROM t1 JOIN t2",
                "ALTER TABLE IF EXISTS ONLY shop..t ADD a INT");

        @Test
        void everyPrefixOfATrickyStatementIsClassifiedWithoutThrowing() {
            for (String sample : samples) {
                for (int i = 0; i <= sample.length(); i++) {
                    assertThat(SqlClassifier.classifyUnchecked(sample.substring(0, i))).isNotNull();
                    assertThat(SqlClassifier.classifyUnchecked(sample.substring(i))).isNotNull();
                }
            }
        }

        @Test
        void randomInputIsClassifiedWithoutThrowing() {
            Random random = new Random(42);
            String alphabet = "INSERTupdatewithDELETEmergecallINTOFROMONLYTABLEIFEXISTSEabc"
                    + "_$#@.,;:()[]{}?='\"`\\/*-\n\t \u00e4";
            for (int round = 0; round < 20_000; round++) {
                int length = random.nextInt(80);
                StringBuilder sb = new StringBuilder(length);
                if (random.nextBoolean()) {
                    sb.append(random.nextBoolean() ? "WITH " : "INSERT INTO ");
                }
                for (int i = 0; i < length; i++) {
                    sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x10000)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(SqlClassifier.classifyUnchecked(sb.toString())).isNotNull();
            }
        }

        @Test
        void randomBytesAreClassifiedWithoutThrowing() {
            Random random = new Random(7);
            for (int round = 0; round < 2_000; round++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                assertThat(SqlClassifier.classifyUnchecked(new String(bytes, StandardCharsets.UTF_8))).isNotNull();
                assertThat(SqlClassifier.classifyUnchecked(new String(bytes, StandardCharsets.ISO_8859_1))).isNotNull();
            }
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void oneMegabyteStatementsAreClassifiedCorrectly() {
            int size = 1 << 20;
            StringBuilder values = new StringBuilder(size + 100).append("INSERT INTO big.t (a) VALUES ");
            while (values.length() < size) {
                values.append("(1, 'insert', \"x\"),");
            }
            values.append("(2, 'last', \"y\")");
            assertWrite(values.toString(), "INSERT", "big.t");

            StringBuilder with = new StringBuilder(size + 100).append("WITH x AS (SELECT ");
            while (with.length() < size) {
                with.append("'update', updated_at, $$delete$$, /* merge */ ");
            }
            String read = with + "1) SELECT * FROM x";
            assertRead(read, "SELECT");
            assertWrite(with + "1) UPDATE t SET a = 1", "UPDATE", "t");

            String comment = "/*" + "x".repeat(size) + "*/ DELETE FROM t";
            assertWrite(comment, "DELETE", "t");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void pathologicalMegabyteInputsTakeLinearTime() {
            int size = 1 << 20;
            for (String unit : Arrays.asList("[", "[a", "$", "$a", "$a$", "'", "\"", "/*", "*/", "(", ")", "--", "\\",
                    ".", "a.", "insert ", "insert(", "e'", "{")) {
                String repeated = unit.repeat(size / unit.length());
                assertThat(SqlClassifier.classifyUnchecked(repeated)).isNotNull();
                assertThat(SqlClassifier.classifyUnchecked("WITH " + repeated)).isNotNull();
                assertThat(SqlClassifier.classifyUnchecked("INSERT INTO " + repeated)).isNotNull();
                assertThat(SqlClassifier.classifyUnchecked("CREATE INDEX " + repeated)).isNotNull();
            }
        }
    }

    @Test
    void sqlInfoIsAValueWithAReadableToString() {
        SqlInfo info = classify("INSERT INTO public.orders VALUES (1)");
        assertThat(info.kind()).isEqualTo(SqlKind.WRITE);
        assertThat(info.verb()).isEqualTo("INSERT");
        assertThat(info.table()).isEqualTo("public.orders");
        assertThat(info).isEqualTo(new SqlInfo(SqlKind.WRITE, "INSERT", "public.orders"));
        assertThat(info.hashCode()).isEqualTo(new SqlInfo(SqlKind.WRITE, "INSERT", "public.orders").hashCode());
        assertThat(info.toString()).contains("WRITE", "INSERT", "public.orders");
        assertThat(new SqlInfo(SqlKind.OTHER, null, null).verb()).isEmpty();
    }
}
