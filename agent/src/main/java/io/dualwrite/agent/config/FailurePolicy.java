package io.dualwrite.agent.config;

/** What becomes of a write the primary has and the secondary could not take ({@code writes.on-failure}). */
public enum FailurePolicy {

    /** Kept in the journal and replayed in order once the secondary answers; the application sees nothing. */
    JOURNAL,
    /**
     * Strict: the application gets an {@code SQLException}. Inside a transaction it comes before the primary
     * commits, so the application rolls back; after an auto-commit write it says the primary's write stands and
     * the mirror was journaled.
     */
    FAIL,
    /** Counted and logged, nothing kept. */
    IGNORE;

    public String yamlName() {
        return NodeReader.yamlName(this);
    }
}
