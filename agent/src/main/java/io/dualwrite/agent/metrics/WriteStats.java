package io.dualwrite.agent.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * What became of every write the agent saw. A write (one statement execution, or one batch) is counted in
 * {@code seen} when its fate is decided, and then in exactly one of applied, journaled, skipped, ignored or
 * lost, so that seen = applied + journaled + skipped + ignored + lost whenever no write is in flight:
 * <ul>
 * <li>applied: the secondary took it directly;
 * <li>journaled: kept in the journal, to be replayed (then counted again in replayed or dead-lettered);
 * <li>skipped: not mirrored by configuration (an excluded table, DDL when {@code writes.ddl} is off);
 * <li>ignored: the secondary refused it and {@code writes.on-failure} is {@code ignore};
 * <li>lost: the secondary refused it and it could not be journaled either.
 * </ul>
 * Writes of transactions the application rolled back never reach a database and are counted apart, in
 * rolled-back. So are nondeterministic writes: mirrored writes whose SQL has expressions such as {@code now()} that
 * the primary and the secondary each evaluate on their own, so that their values may differ.
 */
public final class WriteStats {

    private final LongAdder seen = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final LongAdder journaled = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder nondeterministic = new LongAdder();

    public void apply(int writes) {
        seen.add(writes);
        applied.add(writes);
    }

    public void journal(int writes) {
        seen.add(writes);
        journaled.add(writes);
    }

    public void skip() {
        seen.increment();
        skipped.increment();
    }

    public void ignore(int writes) {
        seen.add(writes);
        ignored.add(writes);
    }

    public void lose(int writes) {
        seen.add(writes);
        lost.add(writes);
    }

    public void rollBack(int writes) {
        rolledBack.add(writes);
    }

    /** Journaled writes the secondary took on replay. */
    public void replayed(long writes) {
        replayed.add(writes);
    }

    /** Journaled writes replay gave up on, kept in the dead-letter file. */
    public void deadLettered(long writes) {
        deadLettered.add(writes);
    }

    /** A mirrored write whose two sides evaluate a non-deterministic expression each on its own. */
    public void nondeterministic() {
        nondeterministic.increment();
    }

    public long seen() {
        return seen.sum();
    }

    public long applied() {
        return applied.sum();
    }

    public long journaled() {
        return journaled.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    public long ignored() {
        return ignored.sum();
    }

    public long lost() {
        return lost.sum();
    }

    public long rolledBack() {
        return rolledBack.sum();
    }

    public long replayed() {
        return replayed.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }

    public long nondeterministicWrites() {
        return nondeterministic.sum();
    }

    /** The line printed at exit; integration tests and operators read it. */
    public String summary() {
        return "stats: seen=" + seen() + " applied=" + applied() + " journaled=" + journaled() + " skipped="
                + skipped() + " ignored=" + ignored() + " lost=" + lost() + " rolled-back=" + rolledBack()
                + " replayed=" + replayed() + " dead-lettered=" + deadLettered() + " nondeterministic="
                + nondeterministicWrites();
    }
}
