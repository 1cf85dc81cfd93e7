package io.dualwrite.agent.translate;

/** Thrown by a rewriting step that meets something it cannot express for the secondary; says what and why. */
final class CannotTranslate extends RuntimeException {

    CannotTranslate(String reason) {
        super(reason, null, false, false);
    }
}
