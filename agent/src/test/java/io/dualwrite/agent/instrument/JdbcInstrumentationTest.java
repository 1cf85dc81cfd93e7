package io.dualwrite.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcInstrumentationTest {

    @Test
    void everyParameterSetterOfJdbcIsFollowedAndNoStatementOption() {
        assertThat(JdbcInstrumentation.parameterSetterNames())
                .contains("setNull", "setBoolean", "setByte", "setShort", "setInt", "setLong", "setFloat", "setDouble",
                        "setBigDecimal", "setString", "setNString", "setBytes", "setDate", "setTime", "setTimestamp",
                        "setObject", "setBinaryStream", "setAsciiStream", "setUnicodeStream", "setCharacterStream",
                        "setNCharacterStream", "setBlob", "setClob", "setNClob", "setArray", "setRef", "setRowId",
                        "setSQLXML", "setURL")
                .doesNotContain("setFetchSize", "setMaxRows", "setQueryTimeout", "setCursorName", "setEscapeProcessing");
    }
}
