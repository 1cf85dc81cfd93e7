package io.dualwrite.agent.write;

import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.translate.UntranslatableStatementException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An INSERT whose generated keys could not be carried to the secondary: applied as it is, the secondary would give
 * its rows ids of its own, and every later UPDATE or DELETE by id would hit other rows. It never applies: it fails
 * with SQL state {@code 0A000} (a permanent failure), so the write lands in the dead-letter file with the reason,
 * where {@code verify}/{@code repair} and the operator find it, and a replay fails the same way.
 */
public final class UncarriedKeysWrite implements MirroredWrite {

    private final MirroredWrite write;
    private final String reason;

    /** @param write the write as the primary ran it, kept for the record */
    public UncarriedKeysWrite(MirroredWrite write, String reason) {
        this.write = write;
        this.reason = reason;
    }

    @Override
    public void applyTo(Connection secondary, StatementTranslator translator, int timeoutSeconds)
            throws SQLException {
        throw new SQLException("the keys the primary generated cannot be carried to the secondary: " + reason,
                UntranslatableStatementException.SQL_STATE);
    }

    /** The write as the primary ran it. */
    public MirroredWrite write() {
        return write;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String describe() {
        return write.describe() + " (keys not carried)";
    }

    @Override
    public int entries() {
        return write.entries();
    }

    @Override
    public List<String> sqlTexts() {
        return write.sqlTexts();
    }

    @Override
    public boolean isBatch() {
        return write.isBatch();
    }
}
