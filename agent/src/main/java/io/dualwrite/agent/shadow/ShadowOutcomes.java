package io.dualwrite.agent.shadow;

/**
 * What became of each shadow read, for the caller to count. Called on the comparison threads (and, for
 * {@link #dropped()}, on the application's), so implementations must be thread-safe and quick.
 */
public interface ShadowOutcomes {

    /** Both results were compared; {@code matched} when they were equal. */
    void compared(boolean matched);

    /** Not compared because a result had more rows than a shadow read copies. */
    void skipped();

    /** Not compared because the comparison threads were saturated (or shut down). */
    void dropped();

    /** Not compared because the query failed on the secondary (or the comparison itself failed). */
    void failed();
}
