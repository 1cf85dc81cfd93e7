package io.dualwrite.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;

/** Reports a class the agent could not instrument: that class runs unchanged, and is not mirrored. */
final class TransformationErrors extends AgentBuilder.Listener.Adapter {

    private final Logger log;

    TransformationErrors(Logger log) {
        this.log = log;
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                        Throwable throwable) {
        log.warn("could not instrument {} ({}); its writes are not mirrored", typeName, throwable.toString());
    }
}
