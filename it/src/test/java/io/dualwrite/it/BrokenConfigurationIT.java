package io.dualwrite.it;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configuration the agent cannot use leaves it inactive: the application runs as without the agent (its
 * writes on the primary only), and stderr has exactly one dualwrite ERROR line that names the file and,
 * where there is one, the line and the dotted key; never a password.
 */
class BrokenConfigurationIT extends DatabasePairPerClass {

    private static final String SECRET = "Dw-It-Broken-S3cret-9c1e";

    BrokenConfigurationIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    private String validYaml() {
        return AgentConfig.mirroring(databases).secondaryPassword(SECRET).toYaml();
    }

    @Test
    void unknownKeyIsReportedWithItsLineAndDottedKey() {
        ConfigText config = ConfigText.of(validYaml()).replaceLine("  mode: sync", "  mdoe: sync");
        String error = runWithBrokenConfig(AgentRun.withYaml(config.text()));
        assertThat(error).contains("writes.mdoe");
        assertNamesLine(error, config.lineOf("  mdoe: sync"));
    }

    @Test
    void yamlSyntaxErrorIsReportedWithItsLine() {
        ConfigText config = ConfigText.of(validYaml()).replaceLine("  mode: sync", "  mode: sync: async");
        String error = runWithBrokenConfig(AgentRun.withYaml(config.text()));
        assertNamesLine(error, config.lineOf("  mode: sync: async"));
    }

    @Test
    void missingConfigurationFileIsReportedByItsPath() {
        Path missing = ItPaths.workDir().resolve("configs").resolve("surely-missing-dualwrite.yaml");
        String error = runWithBrokenConfig(AgentRun.withConfigPath(missing));
        assertThat(error).contains(missing.getFileName().toString());
    }

    @Test
    void poolSizeZeroIsRejectedWithItsLineAndDottedKey() {
        ConfigText config = ConfigText.of(validYaml()).replaceLine("  pool-size: 4", "  pool-size: 0");
        String error = runWithBrokenConfig(AgentRun.withYaml(config.text()));
        assertThat(error).contains("secondary.pool-size");
        assertNamesLine(error, config.lineOf("  pool-size: 0"));
    }

    @Test
    void unsetEnvironmentReferenceIsRejectedWithItsNameLineAndDottedKey() {
        ConfigText config = ConfigText.of(validYaml())
                .replaceLine("  password: " + AgentConfig.quote(SECRET), "  password: \"${env:DUALWRITE_IT_SURELY_UNSET}\"");
        String error = runWithBrokenConfig(AgentRun.withYaml(config.text()));
        assertThat(error).contains("DUALWRITE_IT_SURELY_UNSET").contains("secondary.password");
        assertNamesLine(error, config.lineOf("  password: \"${env:DUALWRITE_IT_SURELY_UNSET}\""));
    }

    @Test
    void passwordOnTheBrokenLineIsNeverEchoed() {
        // An unterminated quote: a YAML parser's own message would quote the line, with the password in it.
        ConfigText config = ConfigText.of(validYaml())
                .replaceLine("  password: " + AgentConfig.quote(SECRET), "  password: \"" + SECRET);
        runWithBrokenConfig(AgentRun.withYaml(config.text()));
    }

    /**
     * Runs the {@code writes} scenario under the broken configuration, asserts everything common to broken
     * configurations and returns the one ERROR line.
     */
    private String runWithBrokenConfig(AgentRun agentRun) {
        Path configFile = agentRun.configPath();
        RunResult run = agentRun.run(SampleCommand.scenario("writes", primary(), "--rows", "20")).assertScenarioDone("writes");

        assertThat(TableComparison.countAll(primary())).as("rows the application wrote on the primary%n%s",
                run.describe()).isPositive();
        run.verify(() -> TableComparison.assertEmpty(secondary()));
        assertThat(run.stdout() + run.stderr()).as("output of the run (must not contain the secondary's password)")
                .doesNotContain(SECRET);

        List<String> errors = run.dualwriteErrorLines();
        assertThat(errors).as("dualwrite ERROR lines on stderr%n%s", run.describe()).hasSize(1);
        assertThat(run.stderrLines()).as("stack trace lines on stderr%n%s", run.describe())
                .noneMatch(l -> l.trim().startsWith("at ") && l.contains("io.dualwrite"));
        Stats stats = run.statsOrNull();
        if (stats != null) {
            assertThat(stats.applied).as("writes applied by an agent that should be inactive: %s%n%s",
                    stats, run.describe()).isZero();
        }
        String error = errors.get(0);
        assertThat(error).as("the ERROR line names the configuration file").contains(configFile.getFileName().toString());
        return error;
    }

    private static void assertNamesLine(String error, int line) {
        Pattern lineMention = Pattern.compile("(?i)(line\\s*" + line + "\\b|:" + line + "\\b)");
        assertThat(lineMention.matcher(error).find()).as("the ERROR line names line %s: %s", line, error).isTrue();
    }

    /** A configuration text changed line by line, with the line numbers of its lines. */
    private static final class ConfigText {
        private final List<String> lines;

        private ConfigText(List<String> lines) {
            this.lines = lines;
        }

        static ConfigText of(String text) {
            return new ConfigText(new java.util.ArrayList<>(Arrays.asList(text.split("\n", -1))));
        }

        ConfigText replaceLine(String existing, String replacement) {
            int index = lines.indexOf(existing);
            assertThat(index).as("line '%s' in%n%s", existing, text()).isNotNegative();
            lines.set(index, replacement);
            return this;
        }

        /** The 1-based number of the line. */
        int lineOf(String line) {
            int index = lines.indexOf(line);
            assertThat(index).as("line '%s' in%n%s", line, text()).isNotNegative();
            return index + 1;
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
