package io.dualwrite.agent.read;

import java.util.concurrent.ThreadLocalRandom;

/** Draws whether one read falls in a configured percentage. */
final class Percent {

    private Percent() {
    }

    static boolean draw(int percent) {
        return percent >= 100 || (percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent);
    }
}
