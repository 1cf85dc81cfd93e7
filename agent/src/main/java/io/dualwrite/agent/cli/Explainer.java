package io.dualwrite.agent.cli;

import io.dualwrite.agent.capture.WriteSelector;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.TableFilter;
import io.dualwrite.agent.config.TableMapping;
import io.dualwrite.agent.sql.NondeterministicScanner;
import io.dualwrite.agent.sql.SqlClassifier;
import io.dualwrite.agent.sql.SqlInfo;
import io.dualwrite.agent.sql.SqlKind;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.translate.UntranslatableStatementException;
import java.util.List;
import org.slf4j.helpers.NOPLogger;

/**
 * Tells how the agent, running with one configuration, would treat a statement: the classifier, the write selector
 * and the translator are the agent's own, so what this says is what the agent does.
 */
final class Explainer {

    private final AgentConfig config;
    /** Silent: the agent's once-per-text warning about procedure calls is the explanation's own line here. */
    private final WriteSelector selector;
    private final StatementTranslator translator;

    Explainer(AgentConfig config) {
        this.config = config;
        this.selector = new WriteSelector(config.writes(), NOPLogger.NOP_LOGGER);
        this.translator = StatementTranslator.of(config);
    }

    StatementTranslator translator() {
        return translator;
    }

    Explanation explain(String sql) {
        SqlInfo info = SqlClassifier.classify(sql);
        if (!config.enabled()) {
            return Explanation.notSent(sql, info, Explanation.Outcome.DISABLED,
                    "the agent is disabled (enabled: false) and instruments nothing", translator);
        }
        WriteSelector.Decision decision = selector.decide(info, sql);
        if (decision == WriteSelector.Decision.NOT_A_WRITE) {
            return Explanation.notSent(sql, info, Explanation.Outcome.NOT_A_WRITE, info.kind() == SqlKind.READ
                    ? "a read is never mirrored"
                    : "a session, transaction or unrecognised statement is never mirrored", translator);
        }
        if (decision == WriteSelector.Decision.SKIP) {
            return Explanation.notSent(sql, info, Explanation.Outcome.SKIPPED, whySkipped(info), translator);
        }
        String why = (info.kind() == SqlKind.DDL ? "writes.ddl is true and " : "") + tables() + " includes "
                + (info.table() == null ? "every table (*), so an unknown one too" : info.table());
        List<String> nondeterministic = NondeterministicScanner.scan(sql, translator.from().backslashEscapes()).names();
        TableMapping mapping = config.mapping().forTable(info.table());
        try {
            return Explanation.mirrored(sql, info, why, mapping, translator, translator.translate(sql), null,
                    nondeterministic);
        } catch (UntranslatableStatementException e) {
            return Explanation.mirrored(sql, info, why, mapping, translator, null, e.reason(), nondeterministic);
        }
    }

    /** Which of the write selector's rules skipped a write: the one its kind and table leave. */
    private String whySkipped(SqlInfo info) {
        if (info.kind() == SqlKind.PROCEDURE) {
            return "a stored-procedure call is never mirrored: the secondary would not see what the procedure "
                    + "writes (the agent counts it as skipped and warns once per SQL text)";
        }
        if (info.kind() == SqlKind.DDL && !config.writes().ddl()) {
            return "DDL is mirrored only with writes.ddl: true";
        }
        return info.table() == null
                ? "the target table is unknown, and " + tables() + " includes unknown tables only with include *"
                : tables() + " does not include " + info.table();
    }

    private String tables() {
        TableFilter tables = config.writes().tables();
        return "writes.tables (" + tables + ")";
    }
}
