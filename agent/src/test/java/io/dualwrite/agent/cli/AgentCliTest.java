package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AgentCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
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
    void checkSaysWhereTheCommandsConnectToThePrimaryWithoutItsSecrets(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yaml"), "primary:\n  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "  url: \"jdbc:h2:mem:app;PASSWORD=hunter2\"\n  password: \"hunter3\"\n"
                + "secondary:\n  url: \"jdbc:h2:mem:new\"\n");
        assertThat(run("check", "--config", file.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2).last()
                .isEqualTo("commands connect to the primary at jdbc:h2:mem:app;PASSWORD=***");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2").doesNotContain("hunter3");
    }

    @Test
    void checkNotesAPrimaryUrlThatTheUrlPatternDoesNotMatch(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yaml"), "primary:\n  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "  url: \"jdbc:h2:mem:other\"\nsecondary:\n  url: \"jdbc:h2:mem:new\"\n");
        assertThat(run("check", "--config", file.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsSubsequence(
                "commands connect to the primary at jdbc:h2:mem:other",
                "note: primary.url does not match primary.url-pattern");
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("Usage:");
    }

    @Test
    void helpIsPrintedOnRequest() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("check --config FILE");
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndSubcommandWithItsOptions() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "check --config FILE",
                "explain --config FILE [--file FILE] [--json] [SQL]",
                "journal --config FILE [--json]",
                "journal dump --config FILE [--limit N]",
                "replay --config FILE [--dry-run] [--stop-on-error] [--driver-jar PATH]",
                "help [COMMAND]",
                "Exit codes: 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "explain", "journal", "journal dump", "replay"})
    void everyCommandExplainsItselfOnHelpWithoutNeedingAConfiguration(String command) {
        String[] args = (command + " --help").split(" ");
        assertThat(run(args)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar dualwrite-agent.jar " + command)
                .contains("--config FILE", "Exit codes:");
    }

    @Test
    void theHelpCommandPrintsTheHelpOfTheCommandItNames() {
        assertThat(run("help", "replay")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--stop-on-error", "dead-letter");
    }

    @Test
    void withoutACommandTheUsageGoesToStderrAndTheRunFails() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "explain", "journal", "journal dump", "replay"})
    void aCommandWithoutItsConfigurationIsAUsageError(String command) {
        assertThat(run(command.split(" "))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--config FILE'")
                .contains("Usage:");
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt(@TempDir Path dir) {
        assertThat(run("replay", "--config", dir.resolve("dw.yaml").toString(), "--dryrun")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dryrun");
    }
}
