package io.dualwrite.agent.journal;

import java.io.IOException;

/**
 * The journal's directory is held by another open journal, in this process or another (usually the agent of
 * a running application), so that a caller can tell this from a journal that cannot be read.
 */
public final class JournalInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    JournalInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
