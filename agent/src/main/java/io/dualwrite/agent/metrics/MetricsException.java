package io.dualwrite.agent.metrics;

/**
 * The metrics could not be published (JMX unavailable, port taken, unknown host). The only exception
 * publication throws, so the caller can log it and carry on: missing metrics never stop the application.
 */
public final class MetricsException extends Exception {

    private static final long serialVersionUID = 1L;

    MetricsException(String message, Throwable cause) {
        super(message, cause);
    }
}
