package io.dualwrite.agent.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparisonTest {

    private static final boolean ORDERED = true;
    private static final boolean UNORDERED = false;

    @Test
    void equalResultsFromDifferentDriversMatch() {
        RowsCopy postgres = rows(List.of("id", "active", "price"), new int[] {Types.BIGINT, Types.BOOLEAN, Types.NUMERIC},
                new Object[] {1L, true, new BigDecimal("1.50")}, new Object[] {2L, false, new BigDecimal("2.00")});
        RowsCopy mariadb = rows(List.of("ID", "ACTIVE", "PRICE"), new int[] {Types.INTEGER, Types.BIT, Types.DECIMAL},
                new Object[] {1, new byte[] {1}, new BigDecimal("1.5")}, new Object[] {2, 0, 2});

        assertThat(ResultComparison.compare(postgres, mariadb, ORDERED)).isNull();
        assertThat(ResultComparison.compare(postgres, mariadb, UNORDERED)).isNull();
    }

    @Test
    void theFirstDifferingRowAndColumnIsReported() {
        RowsCopy primary = rows(List.of("id", "name"), new int[] {Types.INTEGER, Types.VARCHAR},
                new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, "c"});
        RowsCopy secondary = rows(List.of("id", "name"), new int[] {Types.INTEGER, Types.VARCHAR},
                new Object[] {1, "a"}, new Object[] {2, "B"}, new Object[] {4, "c"});

        Mismatch mismatch = ResultComparison.compare(primary, secondary, ORDERED);

        assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.VALUE);
        assertThat(mismatch.row()).isEqualTo(1);
        assertThat(mismatch.column()).isEqualTo("name");
        assertThat(mismatch.primaryValue()).isEqualTo("b");
        assertThat(mismatch.secondaryValue()).isEqualTo("B");
        assertThat(mismatch.primaryRows()).isEqualTo(3);
        assertThat(mismatch.secondaryRows()).isEqualTo(3);
    }

    @Test
    void nullAndTheEmptyStringDiffer() {
        Mismatch mismatch = ResultComparison.compare(names(new Object[] {null}), names(new Object[] {""}), ORDERED);

        assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.VALUE);
        assertThat(mismatch.primaryValue()).isNull();
        assertThat(mismatch.secondaryValue()).isEmpty();
    }

    @Test
    void inOrderTheOrderOfRowsMattersAndOtherwiseItDoesNot() {
        RowsCopy primary = names(new Object[] {"a"}, new Object[] {"b"});
        RowsCopy secondary = names(new Object[] {"b"}, new Object[] {"a"});

        assertThat(ResultComparison.compare(primary, secondary, ORDERED)).isNotNull()
                .extracting(Mismatch::row).isEqualTo(0);
        assertThat(ResultComparison.compare(primary, secondary, UNORDERED)).isNull();
    }

    @Test
    void withoutOrderDuplicatesStillCount() {
        RowsCopy primary = names(new Object[] {"a"}, new Object[] {"a"}, new Object[] {"b"});
        RowsCopy secondary = names(new Object[] {"a"}, new Object[] {"b"}, new Object[] {"b"});

        Mismatch mismatch = ResultComparison.compare(primary, secondary, UNORDERED);

        assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.VALUE);
        assertThat(mismatch.row()).as("the second a").isEqualTo(1);
        assertThat(mismatch.primaryValue()).isEqualTo("a");
        assertThat(mismatch.secondaryValue()).isEqualTo("b");
    }

    @Test
    void withoutOrderTheDifferingRowIsPairedWithItsClosestCounterpart() {
        RowsCopy primary = rows(List.of("id", "name", "city"), new int[] {Types.INTEGER, Types.VARCHAR, Types.VARCHAR},
                new Object[] {3, "c", "z"}, new Object[] {1, "a", "x"}, new Object[] {2, "b", "y"});
        RowsCopy secondary = rows(List.of("id", "name", "city"), new int[] {Types.INTEGER, Types.VARCHAR, Types.VARCHAR},
                new Object[] {1, "a", "x"}, new Object[] {2, "b", "Y"}, new Object[] {3, "c", "z"});

        Mismatch mismatch = ResultComparison.compare(primary, secondary, UNORDERED);

        assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.VALUE);
        assertThat(mismatch.row()).as("in the primary's order").isEqualTo(2);
        assertThat(mismatch.column()).isEqualTo("city");
        assertThat(mismatch.primaryValue()).isEqualTo("y");
        assertThat(mismatch.secondaryValue()).isEqualTo("Y");
    }

    @Test
    void aRowMissingOnTheSecondaryIsReportedWithTheRowCounts() {
        RowsCopy primary = names(new Object[] {"a"}, new Object[] {"b"}, new Object[] {"c"});
        RowsCopy secondary = names(new Object[] {"a"}, new Object[] {"b"});

        for (boolean ordered : new boolean[] {ORDERED, UNORDERED}) {
            Mismatch mismatch = ResultComparison.compare(primary, secondary, ordered);
            assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.ROW_MISSING_ON_SECONDARY);
            assertThat(mismatch.row()).isEqualTo(2);
            assertThat(mismatch.column()).isNull();
            assertThat(mismatch.primaryValue()).isEqualTo("[c]");
            assertThat(mismatch.secondaryValue()).isNull();
            assertThat(mismatch.primaryRows()).isEqualTo(3);
            assertThat(mismatch.secondaryRows()).isEqualTo(2);
        }
    }

    @Test
    void anExtraRowOnTheSecondaryIsReported() {
        RowsCopy primary = names(new Object[] {"a"});
        RowsCopy secondary = names(new Object[] {"a"}, new Object[] {null});

        for (boolean ordered : new boolean[] {ORDERED, UNORDERED}) {
            Mismatch mismatch = ResultComparison.compare(primary, secondary, ordered);
            assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.ROW_EXTRA_ON_SECONDARY);
            assertThat(mismatch.row()).isEqualTo(1);
            assertThat(mismatch.secondaryValue()).isEqualTo("[NULL]");
            assertThat(mismatch.primaryRows()).isEqualTo(1);
            assertThat(mismatch.secondaryRows()).isEqualTo(2);
        }
    }

    @Test
    void twoEmptyResultsMatch() {
        assertThat(ResultComparison.compare(names(), names(), ORDERED)).isNull();
        assertThat(ResultComparison.compare(names(), names(), UNORDERED)).isNull();
    }

    @Test
    void aDifferentNumberOfColumnsIsAMismatchWhateverTheRows() {
        RowsCopy one = names();
        RowsCopy two = rows(List.of("name", "more"), new int[] {Types.VARCHAR, Types.VARCHAR});

        Mismatch mismatch = ResultComparison.compare(one, two, UNORDERED);

        assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.COLUMN_COUNT);
        assertThat(mismatch.primaryValue()).isEqualTo("1");
        assertThat(mismatch.secondaryValue()).isEqualTo("2");
    }

    @Test
    void columnsAreComparedByPositionAndTheirLabelsOnlyShown() {
        RowsCopy primary = rows(List.of("a"), new int[] {Types.INTEGER}, new Object[] {1});
        RowsCopy secondary = rows(List.of("b"), new int[] {Types.INTEGER}, new Object[] {2});

        assertThat(ResultComparison.compare(primary, rows(List.of("b"), new int[] {Types.INTEGER}, new Object[] {1}),
                ORDERED)).isNull();
        assertThat(ResultComparison.compare(primary, secondary, ORDERED).column()).isEqualTo("a / b");
    }

    @Test
    void timesAreComparedAtThePrecisionOfTheLessPreciseColumn() {
        Object[] micros = {Timestamp.valueOf("2024-03-01 12:34:56.123456")};
        Object[] seconds = {LocalDateTime.parse("2024-03-01T12:34:56")};
        Object[] otherMicros = {LocalDateTime.parse("2024-03-01T12:34:56.123457")};

        assertThat(ResultComparison.compare(times(6, micros), times(0, seconds), ORDERED)).isNull();
        assertThat(ResultComparison.compare(times(0, seconds), times(6, micros), UNORDERED)).isNull();
        assertThat(ResultComparison.compare(times(6, micros), times(6, seconds), ORDERED)).isNotNull();
        Mismatch mismatch = ResultComparison.compare(times(6, micros), times(6, otherMicros), ORDERED);
        assertThat(mismatch.primaryValue()).isEqualTo("2024-03-01T12:34:56.123456");
        assertThat(mismatch.secondaryValue()).isEqualTo("2024-03-01T12:34:56.123457");
    }

    @Test
    void charPaddingIsNoDifference() {
        RowsCopy postgres = rows(List.of("code"), new int[] {Types.CHAR}, new Object[] {"ab   "});
        RowsCopy mariadb = rows(List.of("code"), new int[] {Types.CHAR}, new Object[] {"ab"});

        assertThat(ResultComparison.compare(postgres, mariadb, ORDERED)).isNull();
    }

    private static RowsCopy names(Object[]... rows) {
        return rows(List.of("name"), new int[] {Types.VARCHAR}, rows);
    }

    private static RowsCopy times(int precision, Object[]... rows) {
        return fill(RowsCopy.builder(List.of("at"), new int[] {Types.TIMESTAMP}, new int[] {precision}, 100), rows);
    }

    private static RowsCopy rows(List<String> labels, int[] types, Object[]... rows) {
        return fill(RowsCopy.builder(labels, types, new int[labels.size()], 100), rows);
    }

    static RowsCopy fill(RowsCopy.Builder builder, Object[]... rows) {
        for (Object[] row : rows) {
            builder.addValues(row);
        }
        return builder.build();
    }
}
