package io.dualwrite.sample.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupTimerTest {

    @Test
    void withoutADatabaseOnlyTheTimeToMainIsPrinted() throws Exception {
        assertThat(run(1234, null)).isEqualTo("startup: main reached after 1234 ms\n");
    }

    @Test
    void withADatabaseTheFirstWriteIsTimedAfterMain() throws Exception {
        String printed = run(5, new ConnectionSettings("jdbc:h2:mem:startup_timer", null, null));

        assertThat(printed).matches("startup: main reached after 5 ms\nstartup: first write done after (\\d+) ms\n");
        long firstWrite = Long.parseLong(printed.replaceAll("(?s).*done after (\\d+) ms\n", "$1"));
        assertThat(firstWrite).isGreaterThan(0);
    }

    private static String run(long mainReachedMillis, ConnectionSettings primary) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8.name()));
        try {
            assertThat(StartupTimer.run(mainReachedMillis, primary)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8.name()).replace("\r\n", "\n");
    }
}
