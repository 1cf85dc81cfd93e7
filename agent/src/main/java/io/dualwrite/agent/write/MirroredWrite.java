package io.dualwrite.agent.write;

import io.dualwrite.agent.translate.StatementTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A write that succeeded on the primary, captured with everything needed to apply it on the secondary. */
public interface MirroredWrite {

    /**
     * Applies the write on {@code secondary}, each statement as {@code translator} gives it for the secondary and
     * limited to {@code timeoutSeconds}.
     */
    void applyTo(Connection secondary, StatementTranslator translator, int timeoutSeconds) throws SQLException;

    /** What the write is, for logs: statement kind and table, never values. */
    String describe();

    /** How many rows (prepared) or SQL texts (plain statement) it holds: its weight in a secondary transaction. */
    int entries();

    /** The SQL it runs, one text per entry of a plain statement batch: what it does, never a bound value. */
    List<String> sqlTexts();

    /** Whether the write is a batch, which the secondary applies whole or not at all. */
    boolean isBatch();
}
