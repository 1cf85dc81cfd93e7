package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a reload of the {@code reads} section applies at once and what waits for the next start. */
class ConfigChangeTest {

    private static final String BASE = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
            + "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";

    private static AgentConfig config(String reads) throws ConfigException {
        return ConfigLoader.parse(BASE + "reads:\n" + reads, "/x/dw.yaml", Map.<String, String>of()::get);
    }

    private static ConfigChange change(String before, String after) throws ConfigException {
        return ConfigChange.between(config(before), config(after));
    }

    @Test
    void theRouterSettingsAreAppliedAtOnceEachWithItsOldAndNewValue() throws Exception {
        ConfigChange change = change("  route: shadow\n",
                "  route: split\n"
                        + "  secondary-percent: 25\n"
                        + "  shadow-percent: 50\n"
                        + "  read-your-writes-ms: 0\n"
                        + "  tables:\n"
                        + "    exclude: [\"audit_*\"]\n"
                        + "  sticky: connection\n"
                        + "  shadow-max-rows: 10\n"
                        + "  mask-values: false\n");

        assertThat(change.applied()).containsExactly(
                "reads.route shadow -> split",
                "reads.secondary-percent 0 -> 25",
                "reads.shadow-percent 100 -> 50",
                "reads.read-your-writes-ms 1000 -> 0",
                "reads.tables include [*] exclude [] -> include [*] exclude [audit_*]",
                "reads.sticky none -> connection",
                "reads.shadow-max-rows 1000 -> 10",
                "reads.mask-values true -> false");
        assertThat(change.needRestart()).isEmpty();
    }

    @Test
    void thePoolTheShadowExecutorAndTheMismatchLogWaitForTheNextStartNamedWithoutValues() throws Exception {
        ConfigChange change = change("  route: shadow\n",
                "  route: shadow\n"
                        + "  pool-size: 20\n"
                        + "  shadow-threads: 2\n"
                        + "  shadow-queue-capacity: 50\n"
                        + "  mismatch-log: /var/log/other.jsonl\n");

        assertThat(change.applied()).isEmpty();
        assertThat(change.needRestart()).containsExactly("reads.pool-size", "reads.shadow-threads",
                "reads.shadow-queue-capacity", "reads.mismatch-log");
    }

    @Test
    void anUnchangedReadsSectionIsNoChangeHoweverItIsWritten() throws Exception {
        assertThat(change("  route: primary\n", "  route: primary\n  secondary-percent: 0\n").isEmpty()).isTrue();
        assertThat(ConfigChange.between(config(""), config("  sticky: none\n")).isEmpty()).isTrue();
    }

    @Test
    void thePrimarysConnectionKeysAreNoChangeForTheAgentSinceOnlyTheCommandsReadThem() throws Exception {
        String pattern = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n";
        String secondary = "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";
        AgentConfig without = ConfigLoader.parse(pattern + secondary, "/x/dw.yaml", Map.<String, String>of()::get);
        AgentConfig with = ConfigLoader.parse(pattern + "  url: jdbc:postgresql://db/shop\n  user: app\n"
                + "  password: \"s3cret\"\n  properties:\n    ssl: \"true\"\n" + secondary, "/x/dw.yaml",
                Map.<String, String>of()::get);
        AgentConfig changed = ConfigLoader.parse(pattern + "  url: jdbc:postgresql://other/shop\n  user: admin\n"
                + "  password: \"other\"\n" + secondary, "/x/dw.yaml", Map.<String, String>of()::get);

        assertThat(ConfigChange.between(without, with).isEmpty()).isTrue();
        assertThat(ConfigChange.between(with, changed).isEmpty()).isTrue();
        assertThat(ConfigChange.between(changed, without).isEmpty()).isTrue();
    }

    @Test
    void aChangedUrlPatternStillWaitsForTheNextStartNextToAChangedPrimaryUrl() throws Exception {
        String secondary = "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";
        AgentConfig before = ConfigLoader.parse("primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
                + "  url: jdbc:postgresql://db/shop\n" + secondary, "/x/dw.yaml", Map.<String, String>of()::get);
        AgentConfig after = ConfigLoader.parse("primary:\n  url-pattern: \"jdbc:postgresql://db/orders*\"\n"
                + "  url: jdbc:postgresql://db/orders\n" + secondary, "/x/dw.yaml", Map.<String, String>of()::get);

        ConfigChange change = ConfigChange.between(before, after);
        assertThat(change.applied()).isEmpty();
        assertThat(change.needRestart()).containsExactly("primary.url-pattern");
    }
}
