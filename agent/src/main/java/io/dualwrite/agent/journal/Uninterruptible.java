package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Runs file-channel work on application threads without letting their interrupts break it: an interrupt
 * closes the channel it catches in a blocking call, and journal appends run on whatever thread the
 * application wrote from. The interrupt status is set aside during the work and restored after it.
 */
final class Uninterruptible {

    interface IoAction {
        /** Must open again whatever an interrupt closed: it may run more than once. */
        void run() throws IOException;
    }

    private Uninterruptible() {
    }

    static void run(IoAction action) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    action.run();
                    return;
                } catch (ClosedByInterruptException e) {
                    interrupted = true;
                    Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
