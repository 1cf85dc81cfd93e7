package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WithScannerTest {

    /** The keyword found after the leading WITH, or null when the statement modifies no data. */
    private static String writeKeyword(String sql) {
        int k = WithScanner.writeKeyword(sql, 4, sql.length());
        return k < 0 ? null : sql.substring(k, SqlLexer.wordEnd(sql, k, sql.length()));
    }

    @Test
    void theMainStatementWinsOverAnEarlierDataModifyingCte() {
        assertThat(writeKeyword("WITH d AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM d"))
                .isEqualTo("INSERT");
    }

    @Test
    void aDataModifyingCteCountsWhenTheMainStatementReads() {
        assertThat(writeKeyword("WITH u AS (UPDATE a SET x = 1 RETURNING *) SELECT * FROM u")).isEqualTo("UPDATE");
    }

    @Test
    void keywordsInLiteralsCommentsAndOtherConstructsDoNotCount() {
        assertThat(writeKeyword("WITH x AS (SELECT 'insert', $$delete$$, \"update\" FROM t -- merge\n"
                + "/* delete */ FOR UPDATE) SELECT t.delete, insert(a, 1, 2, b) FROM x")).isNull();
        assertThat(writeKeyword("WITH x AS (SELECT 1) SELECT 1; CREATE TABLE c (p INT REFERENCES t ON DELETE "
                + "CASCADE ON UPDATE SET NULL)")).isNull();
    }

    @Test
    void aLiteralUnterminatedWithBackslashEscapesIsReadAgainTheStandardWay() {
        assertThat(writeKeyword("WITH x AS (SELECT 'C:\\') DELETE FROM t")).isEqualTo("DELETE");
        assertThat(writeKeyword("WITH x AS (SELECT 'open) DELETE FROM t")).isNull();
    }
}
