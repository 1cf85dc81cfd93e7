package io.dualwrite.agent.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowsCopyTest {

    private Connection connection;
    private Statement statement;

    @BeforeEach
    void table() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:rowscopy;DB_CLOSE_DELAY=-1");
        statement = connection.createStatement();
        statement.execute("CREATE TABLE items (id INT, price DECIMAL(10,2), flag BOOLEAN, code CHAR(5), "
                + "name VARCHAR(20), at0 TIMESTAMP(0), at6 TIMESTAMP(6), at3 TIMESTAMP(3), t TIME(0), d DATE, "
                + "data BLOB, body CLOB, raw VARBINARY(4), tags INT ARRAY, ref UUID)");
        statement.execute("INSERT INTO items VALUES (1, 1.50, TRUE, 'ab', 'x', TIMESTAMP '2024-03-01 12:34:56', "
                + "TIMESTAMP '2024-03-01 12:34:56.123456', TIMESTAMP '2024-03-01 12:34:56.123', TIME '12:34:56', "
                + "DATE '2024-03-01', X'0102', 'text', X'ff', ARRAY[1, 2], '123e4567-e89b-12d3-a456-426614174000')");
        statement.execute("INSERT INTO items (id, name) VALUES (2, ''), (3, NULL)");
    }

    @AfterEach
    void drop() throws SQLException {
        statement.execute("DROP ALL OBJECTS");
        connection.close();
    }

    @Test
    void theColumnsAreDescribedByLabelTypeAndFractionalSecondPrecision() throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT id AS item_id, price, at0, at6, at3, t, name FROM items")) {
            RowsCopy copy = RowsCopy.builder(rs.getMetaData(), 10).build();

            assertThat(copy.columnCount()).isEqualTo(7);
            assertThat(copy.label(0)).isEqualToIgnoringCase("item_id");
            assertThat(copy.type(0)).isEqualTo(Types.INTEGER);
            assertThat(copy.type(2)).isEqualTo(Types.TIMESTAMP);
            assertThat(copy.precision(1)).isEqualTo(2);
            assertThat(copy.precision(2)).isZero();
            assertThat(copy.precision(3)).isEqualTo(6);
            assertThat(copy.precision(4)).isEqualTo(3);
            assertThat(copy.precision(5)).isZero();
            assertThat(copy.fractionDigits(6)).as("a text column does not cut times").isEqualTo(9);
        }
    }

    @Test
    void eachRowIsCopiedAsTheApplicationReadsItWithLargeObjectsReadWhileTheyCanBe() throws SQLException {
        RowsCopy copy;
        try (ResultSet rs = statement.executeQuery("SELECT * FROM items ORDER BY id")) {
            RowsCopy.Builder builder = RowsCopy.builder(rs.getMetaData(), 10);
            while (rs.next()) {
                assertThat(builder.addRow(rs)).isTrue();
            }
            copy = builder.build();
        }

        assertThat(copy.rowCount()).isEqualTo(3);
        assertThat(copy.overLimit()).isFalse();
        assertThat(copy.row(0)).containsExactly(BigDecimal.ONE, new BigDecimal("1.5"), BigDecimal.ONE, "ab", "x",
                LocalDateTime.parse("2024-03-01T12:34:56"), LocalDateTime.parse("2024-03-01T12:34:56.123456"),
                LocalDateTime.parse("2024-03-01T12:34:56.123"), LocalTime.parse("12:34:56"),
                LocalDate.parse("2024-03-01"), new byte[] {1, 2}, "text", new byte[] {(byte) 0xff},
                List.of(BigDecimal.ONE, new BigDecimal(2)), "123e4567-e89b-12d3-a456-426614174000");
        assertThat(copy.row(1).get(4)).isEqualTo("");
        assertThat(copy.row(2).subList(1, 15)).as("NULL stays null, not \"\"").containsOnlyNulls();
    }

    @Test
    void aResultWithMoreRowsThanTheLimitIsMarkedAndNoMoreAreKept() throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT id FROM items ORDER BY id")) {
            RowsCopy.Builder builder = RowsCopy.builder(rs.getMetaData(), 2);
            rs.next();
            assertThat(builder.addRow(rs)).isTrue();
            rs.next();
            assertThat(builder.addRow(rs)).isTrue();
            rs.next();
            assertThat(builder.addRow(rs)).isFalse();
            RowsCopy copy = builder.build();

            assertThat(copy.overLimit()).isTrue();
            assertThat(copy.rowCount()).isEqualTo(2);
        }
    }

    @Test
    void readAllCopiesAWholeResultAndReadsOneRowMoreThanTheLimitOnly() throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT id FROM items ORDER BY id")) {
            RowsCopy copy = RowsCopy.readAll(rs, 3);
            assertThat(copy.overLimit()).isFalse();
            assertThat(copy.rowCount()).isEqualTo(3);
        }
        statement.execute("INSERT INTO items (id) VALUES (4), (5)");
        try (ResultSet rs = statement.executeQuery("SELECT id FROM items ORDER BY id")) {
            RowsCopy copy = RowsCopy.readAll(rs, 2);
            assertThat(copy.overLimit()).isTrue();
            assertThat(rs.getInt(1)).as("stopped on the row past the limit").isEqualTo(3);
        }
    }

    @Test
    void aCopyCanBeMadeWithoutJdbc() {
        RowsCopy.Builder builder = RowsCopy.builder(List.of("code", "at"), new int[] {Types.CHAR, Types.TIMESTAMP},
                new int[] {0, 0}, 1);

        assertThat(builder.addValues("ab  ", java.sql.Timestamp.valueOf("2024-03-01 12:34:56"))).isTrue();
        assertThat(builder.addValues("cd", null)).isFalse();
        RowsCopy copy = builder.build();
        assertThat(copy.row(0)).containsExactly("ab", LocalDateTime.parse("2024-03-01T12:34:56"));
        assertThat(copy.overLimit()).isTrue();
        assertThatThrownBy(() -> RowsCopy.builder(List.of("a"), new int[] {1, 2}, new int[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
