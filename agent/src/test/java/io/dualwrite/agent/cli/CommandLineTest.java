package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checkAcceptsAValidFileAndSaysWhatTheAgentWouldDo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yaml"), "primary:\n  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "secondary:\n  url: \"jdbc:h2:mem:new\"\n  password: \"hunter2\"\n");
        assertThat(run("check", "--config", file.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("valid: ").contains("jdbc:h2:mem:app*")
                .doesNotContain("hunter2");
    }

    @Test
    void checkRejectsABrokenFileWithTheKeyAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yaml"), "primary:\n  url-pattern: \"x*\"\n"
                + "secondary:\n  url: \"jdbc:h2:mem:new\"\nwrites:\n  mdoe: sync\n");
        assertThat(run("check", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 6").contains("writes.mdoe");
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndFails() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("usage:");
    }

    @Test
    void helpIsPrintedOnRequest() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("check --config FILE");
    }
}
