package io.dualwrite.agent.nondeterministic;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.config.NondeterministicMode;
import io.dualwrite.agent.log.RecordingLogger;
import io.dualwrite.agent.metrics.WriteStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class NondeterministicWritesTest {

    private static final String INSERT_NOW = "INSERT INTO t (id, at) VALUES (?, now())";

    private final WriteStats stats = new WriteStats();
    private final RecordingLogger log = new RecordingLogger();

    private NondeterministicWrites writes(NondeterministicMode mode) {
        return new NondeterministicWrites(mode, false, stats, log);
    }

    @Test
    void everyMirroredWriteWithAnExpressionIsCountedAndEachSqlTextWarnedAboutOnce() {
        NondeterministicWrites writes = writes(NondeterministicMode.WARN);

        writes.mirrored(INSERT_NOW, true);
        writes.mirrored(INSERT_NOW, true);
        writes.mirrored("UPDATE t SET r = random() WHERE id = 42", false);
        writes.mirrored("INSERT INTO t (id, note) VALUES (1, 'now()')", false);

        assertThat(stats.nondeterministicWrites()).isEqualTo(3);
        assertThat(log.lines).hasSize(2);
        assertThat(log.lines.get(0)).startsWith("WARN write with non-deterministic now() mirrored as written, so the "
                + "primary and the secondary each evaluate them and their values will differ: "
                + "writes.nondeterministic: rewrite evaluates such expressions once")
                .endsWith(INSERT_NOW);
        assertThat(log.lines.get(1)).as("the SQL is masked").contains("random()").endsWith("WHERE id = ?");
    }

    @Test
    void aBatchOfPlainStatementsCountsOnceWhenAnyOfThemHasAnExpression() {
        NondeterministicWrites writes = writes(NondeterministicMode.WARN);

        writes.mirrored(List.of("INSERT INTO t (id) VALUES (1)", "UPDATE t SET at = CURRENT_TIMESTAMP",
                "UPDATE t SET r = random()"));
        writes.mirrored(List.of("INSERT INTO t (id) VALUES (2)"));

        assertThat(stats.nondeterministicWrites()).isEqualTo(1);
        assertThat(log.lines).hasSize(2);
    }

    @Test
    void inRewriteModeTheWarningSaysWhyTheStatementWasLeftAsWritten() {
        NondeterministicWrites writes = writes(NondeterministicMode.REWRITE);

        writes.mirrored("INSERT INTO t (at) VALUES (now())", false);
        writes.mirrored("INSERT INTO t (at) VALUES (now() + interval '1 day')", true);

        assertThat(log.lines.get(0)).contains("a plain Statement cannot be rewritten, since the agent never splices "
                + "values into SQL text; a PreparedStatement can");
        assertThat(log.lines.get(1)).contains("it could not be rewritten (now() cannot become a bound value: it is "
                + "not a value of its own");
    }

    @Test
    void onlyRewriteModePlansAndOnlyStatementsWhoseExpressionsCanAllBeReplaced() {
        assertThat(writes(NondeterministicMode.WARN).planFor(INSERT_NOW)).isNull();
        NondeterministicWrites rewrite = writes(NondeterministicMode.REWRITE);

        assertThat(rewrite.planFor(INSERT_NOW).sql()).isEqualTo("INSERT INTO t (id, at) VALUES (?, ?)");
        assertThat(rewrite.planFor(INSERT_NOW)).as("cached per SQL text").isSameAs(rewrite.planFor(INSERT_NOW));
        assertThat(rewrite.planFor("INSERT INTO t (id) VALUES (?)")).isNull();
        assertThat(rewrite.planFor("INSERT INTO t (at) VALUES (now()::date)")).isNull();
    }

    @Test
    void warningsStopAfterAThousandSqlTextsButCountingGoesOn() {
        NondeterministicWrites writes = writes(NondeterministicMode.WARN);

        for (int i = 0; i < 1_200; i++) {
            writes.mirrored("INSERT INTO t_" + i + " (at) VALUES (now())", false);
        }

        assertThat(log.lines).hasSize(1_000);
        assertThat(stats.nondeterministicWrites()).isEqualTo(1_200);
    }
}
