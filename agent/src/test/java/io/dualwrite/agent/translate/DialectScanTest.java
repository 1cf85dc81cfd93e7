package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DialectScanTest {

    private static boolean fromPostgresql(String sql) {
        return DialectScan.mayDiffer(sql, SqlDialect.POSTGRESQL);
    }

    private static boolean fromMariadb(String sql) {
        return DialectScan.mayDiffer(sql, SqlDialect.MYSQL);
    }

    @Test
    void plainWritesWithPlaceholdersOrPlainLiteralsReadTheSame() {
        for (String sql : new String[] {
            "INSERT INTO orders (id, customer, amount) VALUES (?, ?, ?)",
            "UPDATE orders SET amount = amount + ?, note = 'it''s paid' WHERE id = ?",
            "DELETE FROM orders WHERE id IN (?, ?, ?)",
            "/* app=shop,trace=abc */ UPDATE orders SET paid = TRUE WHERE id = ?",
            "-- a comment\nINSERT INTO t (a, b) VALUES (now(), 'x; \"y\" `z`')",
            "INSERT INTO t (a) SELECT max(b) FROM u WHERE c = ?",
        }) {
            assertThat(fromPostgresql(sql)).as("from PostgreSQL: %s", sql).isFalse();
            assertThat(fromMariadb(sql)).as("from MariaDB: %s", sql).isFalse();
        }
    }

    @Test
    void whatEitherDialectWritesItsOwnWayMayDiffer() {
        for (String sql : new String[] {
            "INSERT INTO \"t\" (a) VALUES (?)",
            "INSERT INTO `t` (a) VALUES (?)",
            "INSERT INTO t (a) VALUES ('a\\b')",
            "INSERT INTO t (a) VALUES (E'a')",
            "INSERT INTO t (a) VALUES (?::int)",
            "INSERT INTO t (a) VALUES (CAST(? AS SIGNED))",
            "INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING",
            "INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)",
            "INSERT IGNORE INTO t (a) VALUES (?)",
            "INSERT INTO t (a) VALUES (?) RETURNING id",
            "INSERT INTO t DEFAULT VALUES",
            "INSERT INTO t () VALUES ()",
            "INSERT INTO t VALUES ( )",
            "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
            "REPLACE INTO t (a) VALUES (?)",
            "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE",
            "UPDATE t SET a = a || ? WHERE id = ?",
            "UPDATE t SET a = ? WHERE id = ? LIMIT 1",
            "UPDATE t SET a = u.a FROM u WHERE t.id = u.id",
            "INSERT INTO t SET a = ?",
            "DELETE FROM t USING u WHERE t.id = u.id",
        }) {
            assertThat(fromPostgresql(sql) && fromMariadb(sql)).as(sql).isTrue();
        }
    }

    @Test
    void commentsAndQuotesDifferOnlyWhereADialectReadsThemDifferently() {
        assertThat(fromMariadb("UPDATE t SET a = ? # note")).isTrue();
        assertThat(fromMariadb("INSERT /*! IGNORE */ INTO t VALUES (?)")).isTrue();
        assertThat(fromPostgresql("UPDATE t SET a = ? /* outer /* inner */ still */")).isTrue();
        assertThat(fromPostgresql("UPDATE t SET a = $$x$$")).isTrue();
        assertThat(fromMariadb("UPDATE t SET a = \"x\"")).isTrue();
    }
}
