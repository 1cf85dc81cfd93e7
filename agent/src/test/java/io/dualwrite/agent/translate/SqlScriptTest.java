package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void semicolonsEndStatementsWhichMaySpanLines() {
        assertThat(SqlScript.statements("INSERT INTO t (a)\n  VALUES (?);\nDELETE FROM t;\n", SqlDialect.POSTGRESQL))
                .containsExactly("INSERT INTO t (a)\n  VALUES (?)", "DELETE FROM t");
    }

    @Test
    void aTextWithoutSemicolonsHasOneStatementPerLine() {
        assertThat(SqlScript.statements("INSERT INTO t (a) VALUES (?)\n\nDELETE FROM t\r\n", SqlDialect.MYSQL))
                .containsExactly("INSERT INTO t (a) VALUES (?)", "DELETE FROM t");
    }

    @Test
    void aSemicolonOrLineBreakInQuotesOrCommentsEndsNothing() {
        assertThat(SqlScript.statements("INSERT INTO t (a) VALUES ('x;y') /* ; */; UPDATE \"odd;name\" SET a = $$;$$",
                SqlDialect.POSTGRESQL))
                .containsExactly("INSERT INTO t (a) VALUES ('x;y') /* ; */", "UPDATE \"odd;name\" SET a = $$;$$");
        assertThat(SqlScript.statements("INSERT INTO t (a) VALUES ('two\nlines')\nDELETE FROM t", SqlDialect.MYSQL))
                .containsExactly("INSERT INTO t (a) VALUES ('two\nlines')", "DELETE FROM t");
    }

    @Test
    void aBackslashEscapesAQuoteOnlyInADialectThatSaysSo() {
        String text = "INSERT INTO t (a) VALUES ('a\\';b');DELETE FROM t";
        assertThat(SqlScript.statements(text, SqlDialect.MYSQL))
                .containsExactly("INSERT INTO t (a) VALUES ('a\\';b')", "DELETE FROM t");
        assertThat(SqlScript.statements(text, SqlDialect.POSTGRESQL))
                .containsExactly("INSERT INTO t (a) VALUES ('a\\'", "b');DELETE FROM t");
    }

    @Test
    void commentsBeforeAStatementAreDroppedAndCommentOnlyPartsAreNoStatement() {
        assertThat(SqlScript.statements("-- first\nINSERT INTO t (a) VALUES (1) -- trailing\n# mysql comment\n"
                + "/* block */ DELETE FROM t\n-- the end\n", SqlDialect.MYSQL))
                .containsExactly("INSERT INTO t (a) VALUES (1) -- trailing", "DELETE FROM t");
    }
}
