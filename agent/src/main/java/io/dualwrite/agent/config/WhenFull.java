package io.dualwrite.agent.config;

/** What an application thread does when the async queue is full ({@code writes.when-full}). */
public enum WhenFull {

    /** The queue spills to the journal, in order, and the application goes on at once. */
    JOURNAL,
    /** The application's thread waits for room in the queue. */
    BLOCK;

    public String yamlName() {
        return NodeReader.yamlName(this);
    }
}
