package io.dualwrite.agent.cli;

/**
 * Why a command could not do its work, in one line for the person who ran it: what is wrong and what to do.
 * The command line prints it after {@code error: } and exits with 2. Never carries a secret.
 */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
