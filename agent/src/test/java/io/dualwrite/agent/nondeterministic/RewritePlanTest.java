package io.dualwrite.agent.nondeterministic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.sql.NondeterministicScanner;
import org.junit.jupiter.api.Test;

class RewritePlanTest {

    private static RewritePlan plan(String sql) {
        return RewritePlan.of(sql, NondeterministicScanner.scan(sql, false));
    }

    @Test
    void eachExpressionBecomesAPlaceholderAndTheRestOfTheTextStaysAsWritten() {
        RewritePlan plan = plan("INSERT INTO t (id, at, r, label)  VALUES (?, now( ), random(), ?) /* keep */");

        assertThat(plan.sql()).isEqualTo("INSERT INTO t (id, at, r, label)  VALUES (?, ?, ?, ?) /* keep */");
        assertThat(plan.evaluation()).isEqualTo("SELECT now( ), random()");
        assertThat(plan.valueIndexes()).containsExactly(2, 3);
        assertThat(plan.names()).containsExactly("now()", "random()");
    }

    @Test
    void theApplicationsParametersMoveToTheirNewPositions() {
        RewritePlan plan = plan("UPDATE t SET a = ?, b = CURRENT_TIMESTAMP, c = ? WHERE d < now() AND id = ?");

        assertThat(plan.sql()).isEqualTo("UPDATE t SET a = ?, b = ?, c = ? WHERE d < ? AND id = ?");
        assertThat(new int[] {plan.parameterIndex(1), plan.parameterIndex(2), plan.parameterIndex(3)})
                .containsExactly(1, 3, 5);
        assertThat(plan.valueIndexes()).containsExactly(2, 4);
        assertThat(plan.evaluation()).isEqualTo("SELECT CURRENT_TIMESTAMP, now()");
    }

    @Test
    void anIndexPastTheApplicationsPlaceholdersStaysPastThemSoTheDriverRefusesIt() {
        RewritePlan plan = plan("INSERT INTO t (a, b) VALUES (now(), ?)");

        assertThat(plan.parameterIndex(1)).isEqualTo(2);
        assertThat(plan.parameterIndex(2)).isEqualTo(3);
        assertThat(plan.parameterIndex(0)).isZero();
    }

    @Test
    void aStatementWithAnExpressionThatCannotBeReplacedIsNotPlanned() {
        assertThatThrownBy(() -> plan("INSERT INTO t (a, b) VALUES (now(), now() + interval '1 hour')"))
                .isInstanceOf(RewritePlan.CannotRewrite.class)
                .hasMessageStartingWith("now() cannot become a bound value: it is not a value of its own");
    }

    @Test
    void aSequencesNextValueIsTakenOnceInTheEvaluation() {
        RewritePlan plan = plan("INSERT INTO t (id, label) VALUES (nextval('t_seq'), ?)");

        assertThat(plan.sql()).isEqualTo("INSERT INTO t (id, label) VALUES (?, ?)");
        assertThat(plan.evaluation()).isEqualTo("SELECT nextval('t_seq')");
        assertThat(plan.parameterIndex(1)).isEqualTo(2);
    }
}
