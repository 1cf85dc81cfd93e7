package io.dualwrite.agent.config;

import java.util.Locale;

/** How writes are mirrored to the secondary database. */
public enum WriteMode {

    /** The secondary write happens on the application's thread, right after the primary write. */
    SYNC;

    /** The name used in the YAML file, e.g. {@code sync}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
