package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.MappingConfig;
import net.sf.jsqlparser.statement.Statement;

/** Rewrites a parsed write for the secondary's schema: renamed table and columns, dropped columns, constants. */
final class MappingRewrite {

    private MappingRewrite() {
    }

    /**
     * Rewrites {@code statement} in place; throws {@link CannotTranslate} when it cannot be expressed in the
     * secondary's schema.
     *
     * @return false when nothing is left for the secondary to do (an UPDATE of dropped columns only)
     */
    static boolean apply(Statement statement, MappingConfig mapping, Constants constants) {
        return true;
    }
}
