package io.dualwrite.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ParameterCaptureTest {

    private final StatementState statement = new StatementState(new ConnectionState(1, true), new Object(),
            "INSERT INTO t VALUES (?, ?)", null);

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
    void aStreamIsReadOnceForTheDriverAndReplayedAsTheSameBytesEveryTime() throws Exception {
        InputStream forDriver = ReplayableInputStream.of(new ByteArrayInputStream(new byte[] {5, 6, 7, 8}), 3);
        assertThat(forDriver.readAllBytes()).as("the driver reads the length it asked for").containsExactly(5, 6, 7);

        statement.bind("setBinaryStream(ILjava/io/InputStream;I)V", new Object[] {1, forDriver, 3});
        assertThat(replayed()).isEqualTo("setBytes[1, [5, 6, 7]]");
        assertThat(replayed()).isEqualTo("setBytes[1, [5, 6, 7]]");
    }

    @Test
    void textStreamsAndReadersAreReplayedAsTheSameText() throws Exception {
        Reader reader = ReplayableReader.of(new StringReader("Grüße 👋"), -1);
        InputStream ascii = ReplayableInputStream.of(new ByteArrayInputStream("plain".getBytes(StandardCharsets.US_ASCII)), -1);
        statement.bind("setNCharacterStream(ILjava/io/Reader;)V", new Object[] {1, reader});
        statement.bind("setAsciiStream(ILjava/io/InputStream;)V", new Object[] {2, ascii});
        assertThat(replayed()).isEqualTo("setString[1, Grüße 👋] setString[2, plain]");
    }

    @Test
    void aStreamThatFailedToReadIsNotReplayed() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        InputStream forDriver = ReplayableInputStream.of(broken, -1);
        assertThatThrownBy(forDriver::readAllBytes).as("the driver sees the failure too").hasMessage("disk gone");

        statement.bind("setBinaryStream(ILjava/io/InputStream;)V", new Object[] {1, forDriver});
        assertThatThrownBy(this::replayed).hasMessageContaining("could not be read");
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
