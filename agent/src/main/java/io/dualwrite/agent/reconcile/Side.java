package io.dualwrite.agent.reconcile;

/** Which of the two databases. */
enum Side {
    PRIMARY, SECONDARY;

    Side other() {
        return this == PRIMARY ? SECONDARY : PRIMARY;
    }
}
