package io.dualwrite.agent.write;

/** What the two kinds of captured write share: what they are, and whether they were a batch. */
abstract class BatchableWrite implements MirroredWrite {

    private final String description;
    private final boolean batch;

    BatchableWrite(String description, boolean batch) {
        this.description = description;
        this.batch = batch;
    }

    @Override
    public abstract int entries();

    /** What the write is (kind and table), without the batch size. */
    public final String description() {
        return description;
    }

    @Override
    public final boolean isBatch() {
        return batch;
    }

    @Override
    public final String describe() {
        return batch ? description + " (batch of " + entries() + ")" : description;
    }
}
