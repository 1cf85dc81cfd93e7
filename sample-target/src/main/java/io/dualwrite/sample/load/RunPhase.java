package io.dualwrite.sample.load;

/** Where the run is; the workers read it before each operation. */
enum RunPhase {
    /** Operations run but are not measured: connections, statement caches and the JIT settle first. */
    WARM_UP,
    MEASURE,
    STOP
}
