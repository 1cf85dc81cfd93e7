package io.dualwrite.agent.config;

/**
 * What the agent does with writes whose SQL holds an expression each database evaluates on its own, such as
 * {@code now()} or {@code random()} ({@code writes.nondeterministic}).
 */
public enum NondeterministicMode {

    /** Mirrored as written (the two sides may hold different values), counted, and warned about once per SQL text. */
    WARN,
    /**
     * Prepared statements are rewritten: each such expression becomes a bound value, evaluated once on the primary
     * and sent to both sides. Statements that cannot be rewritten are handled as with {@link #WARN}.
     */
    REWRITE;

    /** The name used in the YAML file, e.g. {@code rewrite}. */
    public String yamlName() {
        return NodeReader.yamlName(this);
    }
}
