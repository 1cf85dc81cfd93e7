package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableNameReaderTest {

    private static String read(String s) {
        return TableNameReader.read(s, 0, s.length());
    }

    @Test
    void anUnquotedNameIsReturnedAsWrittenWithoutCopyingItsParts() {
        assertThat(read("orders (id)")).isEqualTo("orders");
        assertThat(read("Shop.Public.Orders SET")).isEqualTo("Shop.Public.Orders");
        assertThat(read("#temp VALUES")).isEqualTo("#temp");
        assertThat(read("shop..orders")).isEqualTo("shop..orders");
    }

    @Test
    void quotedPartsAreUnquotedAndTheirDoubledQuotesMadeSingle() {
        assertThat(read("\"My \"\"Table\"\"\" x")).isEqualTo("My \"Table\"");
        assertThat(read("`s`.`t``x`")).isEqualTo("s.t`x");
        assertThat(read("[dbo].[a]]b]")).isEqualTo("dbo.a]b");
    }

    @Test
    void triviaAroundTheDotsIsDropped() {
        assertThat(read("s /* c */ . t x")).isEqualTo("s.t");
        assertThat(read("s.\n t")).isEqualTo("s.t");
    }

    @Test
    void noNameOrAnUnterminatedQuoteIsNull() {
        assertThat(read("(a)")).isNull();
        assertThat(read("")).isNull();
        assertThat(read("\"open")).isNull();
    }
}
