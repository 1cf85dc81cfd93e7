package io.dualwrite.agent.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values that PostgreSQL's and MariaDB's drivers return differently for the same stored value compare equal. */
class ValueNormalizerTest {

    private static final int FULL = ValueNormalizer.FULL_PRECISION;

    @Test
    void integersOfEveryWidthAndDecimalsWithTrailingZerosAreTheSameNumber() {
        assertSame(7, 7L);
        assertSame((short) 7, new BigDecimal("7.000"));
        assertSame((byte) 7, BigInteger.valueOf(7));
        assertSame(new BigDecimal("1.50"), new BigDecimal("1.5"));
        assertSame(BigDecimal.ZERO, new BigDecimal("0.00"));
        assertSame(new BigDecimal("100"), new BigDecimal("1E+2"));
        assertDifferent(1, 2L);
        assertDifferent(new BigDecimal("1.5"), new BigDecimal("1.51"));
    }

    @Test
    void realAndDoublePrecisionCompareByTheirDecimalText() {
        assertSame(0.1f, 0.1d);
        assertSame(2.5d, new BigDecimal("2.50"));
        assertSame(3.0f, 3);
    }

    @Test
    void nanAndInfinitiesAreKeptApartFromNumbersAndFromEachOther() {
        assertSame(Double.NaN, Float.NaN);
        assertSame(Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertDifferent(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertDifferent(Double.NaN, Double.POSITIVE_INFINITY);
        assertDifferent(Double.NaN, "NaN");
        assertDifferent(Double.NaN, 0);
    }

    @Test
    void aBooleanIsTheTinyintOrBitThatMariaDbReturnsForIt() {
        assertSame(true, 1);
        assertSame(false, (byte) 0);
        assertSame(true, new byte[] {1});
        assertSame(false, new byte[] {0});
        assertDifferent(true, 0);
        assertDifferent(true, new byte[] {0});
    }

    @Test
    void binaryComparesByContent() {
        assertSame(new byte[] {1, 2, 3}, new byte[] {1, 2, 3});
        assertDifferent(new byte[] {1, 2, 3}, new byte[] {1, 2, 4});
        assertDifferent(new byte[] {1, 2}, new byte[] {1, 2, 0});
    }

    @Test
    void aTimestampWithMicrosecondsEqualsTheSameSecondWhenOneColumnKeepsWholeSecondsOnly() {
        Timestamp micros = Timestamp.valueOf("2024-03-01 12:34:56.123456");
        LocalDateTime seconds = LocalDateTime.parse("2024-03-01T12:34:56");

        assertThat(canonical(micros, Math.min(6, 0))).isEqualTo(canonical(seconds, Math.min(0, 6)));
        assertThat(canonical(micros, 6)).isNotEqualTo(canonical(seconds, 6));
    }

    @Test
    void timestampsThatDifferInMicrosecondsDifferWhenBothColumnsKeepMicroseconds() {
        Timestamp one = Timestamp.valueOf("2024-03-01 12:34:56.123456");
        LocalDateTime other = LocalDateTime.parse("2024-03-01T12:34:56.123457");

        assertThat(canonical(one, 6)).isNotEqualTo(canonical(other, 6));
        assertThat(canonical(one, 5)).isEqualTo(canonical(other, 5));
    }

    @Test
    void anOffsetTimestampIsTheLocalTimeOfTheSameInstantInTheJvmsZone() {
        OffsetDateTime utc = OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        LocalDateTime local = utc.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();

        assertSame(utc, local);
        assertSame(utc.withOffsetSameInstant(ZoneOffset.ofHours(5)), Timestamp.valueOf(local));
    }

    @Test
    void sqlDatesAndTimesEqualTheirJavaTimeCounterparts() {
        assertSame(java.sql.Date.valueOf("2024-03-01"), LocalDate.of(2024, 3, 1));
        assertSame(java.sql.Time.valueOf("12:34:56"), LocalTime.of(12, 34, 56));
        assertDifferent(java.sql.Date.valueOf("2024-03-01"), LocalDateTime.of(2024, 3, 1, 0, 0));
    }

    @Test
    void aUuidIsItsLowerCaseText() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertSame(id, "123e4567-e89b-12d3-a456-426614174000");
        assertDifferent(id, "123E4567-E89B-12D3-A456-426614174000");
    }

    @Test
    void charColumnsLoseThePaddingPostgreSqlAddsButOtherTextKeepsItsSpaces() {
        assertThat(ValueNormalizer.normalize("ab   ", Types.CHAR)).isEqualTo("ab");
        assertThat(ValueNormalizer.normalize("ab   ", Types.NCHAR)).isEqualTo("ab");
        assertThat(ValueNormalizer.normalize("ab   ", Types.VARCHAR)).isEqualTo("ab   ");
    }

    @Test
    void nullIsNeitherTheEmptyStringNorTheTextNull() {
        assertDifferent(null, "");
        assertDifferent(null, "null");
        assertDifferent(null, "N");
        assertSame(null, null);
    }

    @Test
    void textThatLooksLikeANumberIsNotThatNumber() {
        assertDifferent("1", 1);
    }

    @Test
    void arraysCompareElementByElement() {
        assertSame(List.of(1, 2), List.of(1L, new BigDecimal("2.0")));
        assertDifferent(List.of(1, 2), List.of(2, 1));
        assertDifferent(List.of("a,b"), List.of("a", "b"));
    }

    @Test
    void otherValuesCompareByTheirText() {
        Object json = new Object() {
            @Override
            public String toString() {
                return "{\"a\": 1}";
            }
        };
        assertSame(json, "{\"a\": 1}");
    }

    @Test
    void longValuesAreShownCut() {
        assertThat(ValueNormalizer.display(ValueNormalizer.normalize("x".repeat(500), Types.VARCHAR), FULL, 20))
                .startsWith("xxxxxxxxxxxxxxxxxxxx...").contains("500 chars");
        assertThat(ValueNormalizer.display(new byte[100], FULL, 20)).startsWith("0x00000000").contains("100 bytes");
        assertThat(ValueNormalizer.display(null, FULL, 20)).isNull();
    }

    private static String canonical(Object value, int digits) {
        return ValueNormalizer.canonical(ValueNormalizer.normalize(value, Types.OTHER), digits);
    }

    private static void assertSame(Object a, Object b) {
        assertThat(canonical(a, FULL)).as("%s vs %s", a, b).isEqualTo(canonical(b, FULL));
    }

    private static void assertDifferent(Object a, Object b) {
        assertThat(canonical(a, FULL)).as("%s vs %s", a, b).isNotEqualTo(canonical(b, FULL));
    }
}
