package io.dualwrite.agent.read;

import io.dualwrite.agent.capture.Parameter;

/** A read chosen for shadowing: what the secondary will be asked, once the primary's rows are copied. */
final class ShadowPlan {

    final String sql;
    final Parameter[] parameters;
    final boolean ordered;
    final int maxRows;

    ShadowPlan(String sql, Parameter[] parameters, boolean ordered, int maxRows) {
        this.sql = sql;
        this.parameters = parameters;
        this.ordered = ordered;
        this.maxRows = maxRows;
    }
}
