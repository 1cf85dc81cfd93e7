package io.dualwrite.agent.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the reads the agent routed, and of their shadows. Lock-free: application threads count here on
 * every routed read.
 * <ul>
 * <li>primary, secondary: reads the agent took a routing decision on, by the database that answered. A read
 * routed to the secondary that failed there and was answered by the primary is a fallback and counts for the
 * primary, not the secondary: primary + secondary is every routed read, and fallback is a part of primary.
 * <li>shadow compared: the secondary answered the shadow of a read the primary answered, and the two results were
 * compared; mismatched is the part of those that differed. Each is counted in exactly one of matched or
 * mismatched, so compared never runs behind mismatched in any reading.
 * <li>shadow skipped: a shadow not compared because its result was too large, or the application did not read
 * its result to the end or scrolled it; dropped: not run because the comparison executor was saturated; failed:
 * the secondary did not answer the shadow query.
 * </ul>
 */
public final class ReadStats {

    private final LongAdder primary = new LongAdder();
    private final LongAdder secondary = new LongAdder();
    private final LongAdder fallback = new LongAdder();
    private final LongAdder shadowMatched = new LongAdder();
    private final LongAdder shadowMismatched = new LongAdder();
    private final LongAdder shadowSkipped = new LongAdder();
    private final LongAdder shadowDropped = new LongAdder();
    private final LongAdder shadowFailed = new LongAdder();

    /** A routed read the primary answered. */
    public void primary() {
        primary.increment();
    }

    /** A routed read the secondary answered. */
    public void secondary() {
        secondary.increment();
    }

    /** A read routed to the secondary that failed there and was answered by the primary: counted for the primary. */
    public void fallback() {
        fallback.increment();
        primary.increment();
    }

    /** A shadow read whose result was compared with the primary's. */
    public void shadowCompared(boolean matched) {
        (matched ? shadowMatched : shadowMismatched).increment();
    }

    /** A shadow read not compared: too many rows, or a result not read to the end or scrolled. */
    public void shadowSkipped() {
        shadowSkipped.increment();
    }

    /** A shadow read not run: the comparison executor's queue was full. */
    public void shadowDropped() {
        shadowDropped.increment();
    }

    /** A shadow read the secondary failed to answer. */
    public void shadowFailed() {
        shadowFailed.increment();
    }

    /** Routed reads the primary answered, fallbacks included. */
    public long primaryReads() {
        return primary.sum();
    }

    /** Routed reads the secondary answered. */
    public long secondaryReads() {
        return secondary.sum();
    }

    /** Reads that failed on the secondary and were answered by the primary. */
    public long fallbackReads() {
        return fallback.sum();
    }

    /** Shadow reads compared: matched plus mismatched. */
    public long shadowReadsCompared() {
        return shadowReadsMatched() + shadowReadsMismatched();
    }

    /** Shadow reads compared whose results were the same on both sides. */
    public long shadowReadsMatched() {
        return shadowMatched.sum();
    }

    /** Shadow reads compared whose results differed. */
    public long shadowReadsMismatched() {
        return shadowMismatched.sum();
    }

    public long shadowReadsSkipped() {
        return shadowSkipped.sum();
    }

    public long shadowReadsDropped() {
        return shadowDropped.sum();
    }

    public long shadowReadsFailed() {
        return shadowFailed.sum();
    }

    /** The line printed at exit next to the writes' one; integration tests and operators read it. */
    public String summary() {
        long matched = shadowReadsMatched();
        long mismatched = shadowReadsMismatched();
        return "reads: primary=" + primaryReads() + " secondary=" + secondaryReads() + " fallback=" + fallbackReads()
                + " shadow compared=" + (matched + mismatched) + " mismatched=" + mismatched + " skipped="
                + shadowReadsSkipped() + " dropped=" + shadowReadsDropped() + " failed=" + shadowReadsFailed();
    }
}
