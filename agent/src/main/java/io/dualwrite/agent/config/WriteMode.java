package io.dualwrite.agent.config;

/** How writes are mirrored to the secondary database. */
public enum WriteMode {

    /** The secondary write happens on the application's thread, right after the primary write. */
    SYNC,
    /** The application's thread only enqueues the write; one applier thread applies the queue in order. */
    ASYNC;

    /** The name used in the YAML file, e.g. {@code sync}. */
    public String yamlName() {
        return NodeReader.yamlName(this);
    }
}
