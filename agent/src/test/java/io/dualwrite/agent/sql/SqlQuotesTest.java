package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlQuotesTest {

    private static int quoted(String s, boolean backslash) {
        return SqlQuotes.skipQuoted(s, 0, s.length(), s.charAt(0) == '[' ? ']' : s.charAt(0), backslash);
    }

    private static int bracket(String s) {
        return SqlQuotes.skipBracketIdentifier(s, 0, s.length());
    }

    private static int dollar(String s) {
        return SqlQuotes.skipDollarQuote(s, 0, s.length());
    }

    @Test
    void aDoubledClosingQuoteEscapesIt() {
        assertThat(quoted("'a''b' x", false)).isEqualTo(6);
        assertThat(quoted("\"a\"\"b\" x", false)).isEqualTo(6);
        assertThat(quoted("[a]]b] x", false)).isEqualTo(6);
    }

    @Test
    void aBackslashEscapesOnlyWhenAsked() {
        assertThat(quoted("'a\\'b' x", true)).isEqualTo(6);
        assertThat(quoted("'a\\'b' x", false)).isEqualTo(4);
    }

    @Test
    void anUnterminatedQuoteIsMinusOne() {
        assertThat(quoted("'abc", false)).isEqualTo(-1);
        assertThat(quoted("'C:\\'", true)).isEqualTo(-1);
    }

    @Test
    void aBracketIdentifierIsSkippedWholeButAnArraySubscriptOnlyByItsBracket() {
        assertThat(bracket("[my table]]s] x")).isEqualTo(13);
        assertThat(bracket("['insert'] x")).isEqualTo(1);
        assertThat(bracket("[abc")).isEqualTo(1);
        assertThat(bracket("[" + "a".repeat(200) + "]")).isEqualTo(1);
    }

    @Test
    void dollarQuotesEndAtTheSameTag() {
        assertThat(dollar("$$ a $ b $$ x")).isEqualTo(11);
        assertThat(dollar("$fn$ $$ $fn $fn$ x")).isEqualTo(16);
        assertThat(dollar("$t$ never closed")).isEqualTo(16);
    }

    @Test
    void aParameterOrStrayDollarIsOnlyTheDollar() {
        assertThat(dollar("$1 x")).isEqualTo(1);
        assertThat(dollar("$a x")).isEqualTo(1);
        assertThat(dollar("$")).isEqualTo(1);
    }
}
