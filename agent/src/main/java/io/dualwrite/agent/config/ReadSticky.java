package io.dualwrite.agent.config;

/** Whether a connection keeps the side its first routed read went to ({@code reads.sticky}). */
public enum ReadSticky {

    /** Each read is routed on its own. */
    NONE,
    /**
     * A connection's reads all go where its first routed read went, so one unit of work never sees the primary's
     * newer rows next to the secondary's older ones.
     */
    CONNECTION;

    /** The name used in the YAML file, e.g. {@code connection}. */
    public String yamlName() {
        return NodeReader.yamlName(this);
    }
}
