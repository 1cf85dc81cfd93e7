package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static int skipLeading(String s) {
        return SqlLexer.skipLeading(s, 0, s.length());
    }

    private static int skipTrivia(String s) {
        return SqlLexer.skipTrivia(s, 0, s.length());
    }

    @Test
    void leadingSkipsCommentsParenthesesAndSemicolonsBeforeTheStatement() {
        String s = " ;(( -- a\n# b\r/* c */\u00a0\uFEFFSELECT";
        assertThat(skipLeading(s)).isEqualTo(s.indexOf("SELECT"));
    }

    @Test
    void triviaInsideAStatementStopsAtHashParenthesisAndSemicolon() {
        assertThat(skipTrivia(" \t-- a\n/* b */#temp")).isEqualTo(14);
        assertThat(skipTrivia(" (a")).isEqualTo(1);
        assertThat(skipTrivia(" ;")).isEqualTo(1);
        assertThat(skipTrivia("- a")).isZero();
        assertThat(skipTrivia("/ a")).isZero();
    }

    @Test
    void blockCommentsNestAndAnUnterminatedOneRunsToTheEnd() {
        String nested = "/* a /* b */ c */x";
        assertThat(skipTrivia(nested)).isEqualTo(nested.length() - 1);
        String open = "/* a /* b */ c";
        assertThat(skipTrivia(open)).isEqualTo(open.length());
    }

    @Test
    void aLineCommentEndsAfterTheLineBreak() {
        assertThat(SqlLexer.skipLine("-- a\nb", 0, 6)).isEqualTo(5);
        assertThat(SqlLexer.skipLine("-- a\rb", 0, 6)).isEqualTo(5);
        assertThat(SqlLexer.skipLine("-- a", 0, 4)).isEqualTo(4);
    }

    @Test
    void wordsAreIdentifierCharactersAndKeywordsIgnoreAsciiCase() {
        String s = "Ins_ert$1\u00e4 x";
        int e = SqlLexer.wordEnd(s, 0, s.length());
        assertThat(e).isEqualTo(10);
        assertThat(SqlLexer.wordEnd(s, 10, s.length())).isEqualTo(10);
        assertThat(SqlLexer.is("InSeRt", 0, 6, "insert")).isTrue();
        assertThat(SqlLexer.is("inserts", 0, 7, "insert")).isFalse();
        assertThat(SqlLexer.isAny("QUICK", 0, 5, new String[] {"low_priority", "quick"})).isTrue();
        assertThat(SqlLexer.isAny("x", 0, 0, new String[] {""})).isFalse();
    }

    @Test
    void anOptionalKeywordIsSkippedWithTheTriviaAfterIt() {
        String s = "ONLY /* c */ t";
        assertThat(SqlLexer.skipOptional(s, 0, s.length(), "only")).isEqualTo(s.length() - 1);
        assertThat(SqlLexer.skipOptional(s, 0, s.length(), "into")).isZero();
    }

    @Test
    void identifiersStartWithALetterOrUnderscoreOnly() {
        assertThat(SqlLexer.isIdentStart('_')).isTrue();
        assertThat(SqlLexer.isIdentStart('\u00e4')).isTrue();
        assertThat(SqlLexer.isIdentStart('1')).isFalse();
        assertThat(SqlLexer.isIdentStart('$')).isFalse();
        assertThat(SqlLexer.isIdentPart('$')).isTrue();
        assertThat(SqlLexer.isIdentPart('1')).isTrue();
    }
}
