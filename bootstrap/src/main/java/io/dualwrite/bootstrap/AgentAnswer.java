package io.dualwrite.bootstrap;

/**
 * What the agent answers instead of the driver: advice that receives one from its enter hook skips the driver's
 * method (ByteBuddy's {@code skipOn}) and returns {@link #value} in its place. Read routing uses it to answer a
 * query from the secondary without the primary ever running it.
 */
public final class AgentAnswer {

    /** {@code getMoreResults()} after a routed query: there is no further result. */
    public static final AgentAnswer NO_MORE_RESULTS = new AgentAnswer(Boolean.FALSE);
    /** {@code getUpdateCount()} after a routed query: its result is rows, not a count. */
    public static final AgentAnswer NOT_AN_UPDATE_COUNT = new AgentAnswer(-1);
    /** {@code getLargeUpdateCount()} after a routed query. */
    public static final AgentAnswer NOT_A_LARGE_UPDATE_COUNT = new AgentAnswer(-1L);
    /** {@code getResultSet()} once a routed query's rows were left behind by {@code getMoreResults()}. */
    public static final AgentAnswer NO_RESULT_SET = new AgentAnswer(null);

    public final Object value;
    /** What the call throws instead of returning, or null: the answer came from a call of the agent that failed. */
    public final Throwable thrown;

    public AgentAnswer(Object value) {
        this(value, null);
    }

    private AgentAnswer(Object value, Throwable thrown) {
        this.value = value;
        this.thrown = thrown;
    }

    /** The call throws {@code thrown}, as the driver's method the agent called in its place did. */
    public static AgentAnswer failed(Throwable thrown) {
        return new AgentAnswer(null, thrown);
    }
}
