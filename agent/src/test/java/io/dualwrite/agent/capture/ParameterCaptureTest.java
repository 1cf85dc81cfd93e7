package io.dualwrite.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ParameterCaptureTest {

    private final StatementState statement = new StatementState(new ConnectionState(true), "INSERT INTO t VALUES (?, ?)", null);

    private String replayed() throws Exception {
        RecordingStatement recording = new RecordingStatement();
        for (Parameter parameter : statement.row()) {
            if (parameter != null) {
                parameter.bind(recording.statement());
            }
        }
        return String.join(" ", recording.calls);
    }

    @Test
    void eachValueIsReplayedThroughTheSetterTheApplicationUsed() throws Exception {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        statement.bind("setBigDecimal(ILjava/math/BigDecimal;)V", new Object[] {1, new BigDecimal("-12.3400")});
        statement.bind("setNull(II)V", new Object[] {2, Types.INTEGER});
        statement.bind("setTimestamp(ILjava/sql/Timestamp;Ljava/util/Calendar;)V",
                new Object[] {3, Timestamp.valueOf("2024-02-29 13:45:56.123456"), utc});
        statement.bind("setObject(ILjava/lang/Object;II)V", new Object[] {4, new BigDecimal("1.5"), Types.DECIMAL, 2});

        assertThat(replayed()).isEqualTo("setBigDecimal[1, -12.3400] setNull[2, 4] "
                + "setTimestamp[3, 2024-02-29 13:45:56.123456, " + utc + "] setObject[4, 1.5, 3, 2]");
    }

    @Test
    void valuesTheApplicationChangesAfterBindingAreReplayedAsBound() throws Exception {
        byte[] bytes = {1, 2, 3};
        Timestamp timestamp = Timestamp.valueOf("2024-01-01 00:00:00");
        statement.bind("setBytes(I[B)V", new Object[] {1, bytes});
        statement.bind("setTimestamp(ILjava/sql/Timestamp;)V", new Object[] {2, timestamp});
        bytes[0] = 99;
        timestamp.setTime(0);

        assertThat(replayed()).isEqualTo("setBytes[1, [1, 2, 3]] setTimestamp[2, 2024-01-01 00:00:00.0]");
    }

    @Test
    void rebindingAnIndexReplacesItsValueAndClearParametersForgetsAll() throws Exception {
        statement.bind("setInt(II)V", new Object[] {1, 1});
        statement.bind("setInt(II)V", new Object[] {1, 2});
        assertThat(replayed()).isEqualTo("setInt[1, 2]");

        statement.clearParameters();
        assertThat(statement.row()).isEmpty();
    }

    @Test
    void aStreamIsReadOnceForTheDriverAndReplayedWithTheSameBytesEveryTime() throws Exception {
        InputStream forDriver = ReplayableInputStream.of(new ByteArrayInputStream(new byte[] {5, 6, 7, 8}), 3);
        assertThat(forDriver.readAllBytes()).containsExactly(5, 6, 7);

        statement.bind("setBinaryStream(ILjava/io/InputStream;I)V", new Object[] {1, forDriver, 3});
        assertThat(replayed()).isEqualTo("setBinaryStream[1, bytes[5, 6, 7], 3]");
        assertThat(replayed()).isEqualTo("setBinaryStream[1, bytes[5, 6, 7], 3]");
    }

    @Test
    void aReaderIsReplayedWithTheSameCharacters() throws Exception {
        Reader forDriver = ReplayableReader.of(new StringReader("Grüße 👋"), -1);
        statement.bind("setCharacterStream(ILjava/io/Reader;)V", new Object[] {1, forDriver});
        assertThat(replayed()).isEqualTo("setCharacterStream[1, chars[Grüße 👋]]");
    }

    @Test
    void aSetterThatIsNotJdbcsFailsTheMirrorWithAReasonAndNoValue() {
        statement.bind("setSecret(ILjava/lang/String;)V", new Object[] {1, "s3cr3t"});
        assertThatThrownBy(this::replayed)
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("setSecret is not a JDBC setter")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void batchRowsAreSnapshotsOfTheValuesAtAddBatch() throws Exception {
        statement.bind("setInt(II)V", new Object[] {1, 10});
        statement.addBatchRow();
        statement.bind("setInt(II)V", new Object[] {1, 20});
        statement.addBatchRow();

        assertThat(statement.batchRows()).hasSize(2);
        assertThat(statement.batchRows().get(0)[0].value()).isEqualTo(10);
        assertThat(statement.batchRows().get(1)[0].value()).isEqualTo(20);
        statement.clearBatch();
        assertThat(statement.batchRows()).isEmpty();
    }
}
