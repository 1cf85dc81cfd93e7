package io.dualwrite.agent.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import io.dualwrite.agent.write.UncarriedKeysWrite;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.JDBCType;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteCodecTest {

    private static Parameter bound(String setterKey, Object... args) {
        return Parameter.restore(Setter.forKey(setterKey), args);
    }

    private static UnappliedWrites transaction(Parameter... row) {
        MirroredWrite prepared = new PreparedWrite("INSERT INTO t VALUES (?, ?, ?)", "INSERT t",
                List.of(row, new Parameter[] {null, bound("setInt(II)V", 2, 7)}), true);
        MirroredWrite statement = new StatementWrite(List.of("DELETE FROM t WHERE id = 1", "UPDATE t SET n = 2"),
                "DELETE t", true);
        return new UnappliedWrites("connection-7", "SQLException SQLState 08001", List.of(prepared, statement));
    }

    @Test
    void everyValueKindReadsBackWithItsExactValueAndType() throws Exception {
        Timestamp timestamp = Timestamp.valueOf("2024-02-29 13:45:56.123456789");
        Object[] values = {
            true, (byte) -7, (short) 300, 42, Long.MIN_VALUE, 1.5f, -0.0d, Double.NaN,
            new BigDecimal("-12345.678900"), new BigInteger("123456789012345678901234567890"),
            "Grüße 👋 你好", "", new byte[] {0, -1, 127}, new byte[0],
            java.sql.Date.valueOf("2024-02-29"), java.sql.Time.valueOf("23:59:58"), timestamp, new java.util.Date(5L),
            LocalDate.of(1, 1, 1), LocalTime.of(23, 59, 59, 999_999_999), LocalDateTime.of(2024, 2, 29, 1, 2, 3, 4),
            OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHours(-5)),
            OffsetTime.of(10, 0, 0, 5, ZoneOffset.ofHoursMinutes(5, 30)), Instant.ofEpochSecond(-1, 999),
            ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Berlin")), new UUID(1, -2), 'ß',
            JDBCType.DECIMAL, null,
        };
        for (Object value : values) {
            UnappliedWrites decoded = WriteCodec.decode(WriteCodec.encode(transaction(
                    bound("setObject(ILjava/lang/Object;)V", 1, value))));
            Object back = ((PreparedWrite) decoded.writes().get(0)).rows().get(0)[0].arguments()[1];
            if (value instanceof byte[]) {
                assertThat((byte[]) back).containsExactly((byte[]) value);
            } else {
                assertThat(back).as("%s", value).isEqualTo(value);
                assertThat(back == null ? null : back.getClass()).isEqualTo(value == null ? null : value.getClass());
            }
        }
    }

    @Test
    void decimalsKeepTheirScaleAndTimestampsTheirNanoseconds() throws Exception {
        UnappliedWrites decoded = WriteCodec.decode(WriteCodec.encode(transaction(
                bound("setBigDecimal(ILjava/math/BigDecimal;)V", 1, new BigDecimal("1.500")),
                bound("setTimestamp(ILjava/sql/Timestamp;)V", 2, Timestamp.valueOf("2024-01-01 00:00:00.000000001")))));
        Parameter[] row = ((PreparedWrite) decoded.writes().get(0)).rows().get(0);

        assertThat(((BigDecimal) row[0].arguments()[1]).scale()).isEqualTo(3);
        assertThat(((Timestamp) row[1].arguments()[1]).getNanos()).isEqualTo(1);
    }

    @Test
    void aCalendarKeepsItsTimeZone() throws Exception {
        Calendar kolkata = new GregorianCalendar(TimeZone.getTimeZone("Asia/Kolkata"));
        kolkata.setTimeInMillis(1_700_000_000_123L);
        UnappliedWrites decoded = WriteCodec.decode(WriteCodec.encode(transaction(
                bound("setTimestamp(ILjava/sql/Timestamp;Ljava/util/Calendar;)V", 1, new Timestamp(0), kolkata))));
        Calendar back = (Calendar) ((PreparedWrite) decoded.writes().get(0)).rows().get(0)[0].arguments()[2];

        assertThat(back.getTimeZone().getID()).isEqualTo("Asia/Kolkata");
        assertThat(back.getTimeInMillis()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void aTransactionReadsBackWithItsWritesRowsSettersAndOrigin() throws Exception {
        UnappliedWrites original = transaction(bound("setNull(II)V", 1, Types.INTEGER),
                bound("setString(ILjava/lang/String;)V", 2, "x"), Parameter.unreplayable(3, "a RowId cannot be sent"));
        UnappliedWrites decoded = WriteCodec.decode(WriteCodec.encode(original));

        assertThat(decoded.connection()).isEqualTo("connection-7");
        assertThat(decoded.failure()).isEqualTo("SQLException SQLState 08001");
        assertThat(decoded.isTransaction()).isTrue();
        PreparedWrite prepared = (PreparedWrite) decoded.writes().get(0);
        assertThat(prepared.sql()).isEqualTo("INSERT INTO t VALUES (?, ?, ?)");
        assertThat(prepared.describe()).isEqualTo("INSERT t (batch of 2)");
        assertThat(prepared.rows()).hasSize(2);
        assertThat(prepared.rows().get(0)[0].setter()).hasToString("setNull(II)V");
        assertThat(prepared.rows().get(0)[2].unreplayableReason()).isEqualTo("a RowId cannot be sent");
        assertThat(prepared.rows().get(1)[0]).as("a gap in the bound indexes").isNull();
        StatementWrite statement = (StatementWrite) decoded.writes().get(1);
        assertThat(statement.sqlTexts()).containsExactly("DELETE FROM t WHERE id = 1", "UPDATE t SET n = 2");
        assertThat(WriteCodec.encode(decoded)).as("encoding is stable").isEqualTo(WriteCodec.encode(original));
    }

    @Test
    void aValueOfAnUnknownTypeIsRefusedNamingItsTypeNotItsValue() {
        Object secret = new StringBuilder("s3cr3t");
        assertThatThrownBy(() -> WriteCodec.encode(transaction(bound("setObject(ILjava/lang/Object;)V", 1, secret))))
                .isInstanceOf(UnencodableValueException.class)
                .hasMessageContaining("java.lang.StringBuilder")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aDamagedOrForeignRecordIsAnIOExceptionNotAWrongValue() throws Exception {
        byte[] record = WriteCodec.encode(transaction(bound("setInt(II)V", 1, 5)));
        byte[] newer = record.clone();
        newer[0] = 99;
        assertThatThrownBy(() -> WriteCodec.decode(newer)).isInstanceOf(IOException.class).hasMessageContaining("format 99");
        for (int cut = 0; cut < record.length; cut++) {
            byte[] truncated = Arrays.copyOf(record, cut);
            assertThatThrownBy(() -> WriteCodec.decode(truncated)).as("cut at %d", cut).isInstanceOf(IOException.class);
        }
    }

    @Test
    void anInsertWhoseKeysWereNotCarriedReadsBackAsOneThatStillRefusesToApply() throws Exception {
        MirroredWrite insert = new StatementWrite(List.of("INSERT INTO t (a) SELECT a FROM s"), "INSERT t", false);
        UnappliedWrites decoded = WriteCodec.decode(WriteCodec.encode(new UnappliedWrites("connection-1",
                "SQLException SQLState 0A000", List.of(new UncarriedKeysWrite(insert, "INSERT ... SELECT")))));

        UncarriedKeysWrite back = (UncarriedKeysWrite) decoded.writes().get(0);
        assertThat(back.reason()).isEqualTo("INSERT ... SELECT");
        assertThat(back.sqlTexts()).containsExactly("INSERT INTO t (a) SELECT a FROM s");
        assertThatThrownBy(() -> back.applyTo(null, null, 1)).isInstanceOf(java.sql.SQLException.class)
                .hasMessageContaining("INSERT ... SELECT")
                .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("0A000"));
    }
}
