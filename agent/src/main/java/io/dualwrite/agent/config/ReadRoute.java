package io.dualwrite.agent.config;

/** Which database answers the application's reads ({@code reads.route}). */
public enum ReadRoute {

    /** Every read goes to the primary, as without the agent; the safe default. */
    PRIMARY,
    /** Eligible reads go to the secondary; the primary answers when the secondary cannot. */
    SECONDARY,
    /** A share of eligible reads ({@code reads.secondary-percent}) goes to the secondary, the rest to the primary. */
    SPLIT,
    /**
     * The primary answers every read; a share ({@code reads.shadow-percent}) is also run on the secondary, off the
     * application's thread, and the two results compared, so differences show before any read is moved.
     */
    SHADOW;

    /** The name used in the YAML file, e.g. {@code split}. */
    public String yamlName() {
        return NodeReader.yamlName(this);
    }
}
