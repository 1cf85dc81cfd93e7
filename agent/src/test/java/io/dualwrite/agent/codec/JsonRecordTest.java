package io.dualwrite.agent.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordTest {

    @Test
    void aRecordIsOneLineWithItsSqlAndExactValues() {
        Parameter[] row = {
            Parameter.restore(Setter.forKey("setBigDecimal(ILjava/math/BigDecimal;)V"),
                    new Object[] {1, new BigDecimal("12345678901234567890.10")}),
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {2, Long.MAX_VALUE}),
            Parameter.restore(Setter.forKey("setBytes(I[B)V"), new Object[] {3, new byte[] {1, 2, 3}}),
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {4, "line\n\"quoted\"\u0001"}),
        };
        UnappliedWrites unit = new UnappliedWrites("connection-1", "SQLState 08001", List.of(
                new PreparedWrite("INSERT INTO t VALUES (?, ?, ?, ?)", "INSERT t", List.<Parameter[]>of(row), false),
                new StatementWrite(List.of("DELETE FROM t"), "DELETE t", false)));

        String json = JsonRecord.render(7, 0, unit, null, null);

        assertThat(json).doesNotContain("\n")
                .startsWith("{\"sequence\":7,\"time\":\"1970-01-01T00:00:00Z\",\"connection\":\"connection-1\"")
                .contains("\"sql\":\"INSERT INTO t VALUES (?, ?, ?, ?)\"")
                .contains("\"value\":\"12345678901234567890.10\"")
                .contains("\"value\":\"9223372036854775807\"")
                .contains("\"type\":\"byte[]\",\"value\":\"AQID\"")
                .contains("\"value\":\"line\\n\\\"quoted\\\"\\u0001\"")
                .endsWith("{\"kind\":\"statement\",\"batch\":false,\"sql\":[\"DELETE FROM t\"]}]}");
    }
}
