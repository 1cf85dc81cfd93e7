package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code writes.nondeterministic}: warn (the default) or rewrite, read at start only. */
class NondeterministicConfigTest {

    private static final String SOURCE = "/x/dw.yaml";
    private static final String MINIMAL = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
            + "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";

    private static AgentConfig parse(String extra) throws ConfigException {
        return ConfigLoader.parse(MINIMAL + extra, SOURCE, Map.<String, String>of()::get);
    }

    private static String error(String extra) {
        try {
            return "parsed: " + parse(extra);
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void leftOutTheExpressionsAreWarnedAbout() throws Exception {
        assertThat(parse("").writes().nondeterministic()).isEqualTo(NondeterministicMode.WARN);
        assertThat(parse("writes:\n  ddl: true\n").writes().nondeterministic()).isEqualTo(NondeterministicMode.WARN);
    }

    @Test
    void bothModesAreReadByTheirNames() throws Exception {
        assertThat(parse("writes:\n  nondeterministic: warn\n").writes().nondeterministic())
                .isEqualTo(NondeterministicMode.WARN);
        assertThat(parse("writes:\n  nondeterministic: rewrite\n").writes().nondeterministic())
                .isEqualTo(NondeterministicMode.REWRITE);
    }

    @Test
    void anyOtherValueIsRefusedWithTheKeyItsLineAndTheChoices() {
        assertThat(error("writes:\n  nondeterministic: evaluate\n")).isEqualTo(SOURCE + " line 6: "
                + "writes.nondeterministic: evaluate is not what to do with non-deterministic expressions such as "
                + "now(); use one of warn, rewrite");
        assertThat(error("writes:\n  nondeterministic: REWRITE\n")).contains("use one of warn, rewrite");
        assertThat(error("writes:\n  nondeterministic: true\n")).contains("use one of warn, rewrite");
    }

    @Test
    void rewriteModeShowsInTheStartUpLineAndWarnModeLeavesItAsItWas() throws Exception {
        assertThat(parse("writes:\n  nondeterministic: rewrite\n").describe())
                .contains("non-deterministic expressions rewritten");
        assertThat(parse("").describe()).doesNotContain("non-deterministic");
    }

    @Test
    void aChangeWaitsForTheNextStartSinceTheRewriteAdviceIsInstalledThen() throws Exception {
        ConfigChange change = ConfigChange.between(parse(""), parse("writes:\n  nondeterministic: rewrite\n"));

        assertThat(change.applied()).isEmpty();
        assertThat(change.needRestart()).containsExactly("writes.nondeterministic");
    }
}
