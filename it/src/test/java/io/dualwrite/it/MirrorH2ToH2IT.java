package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from H2 to H2 (file databases). */
@DisplayName("mirroring H2 -> H2 (file databases)")
class MirrorH2ToH2IT extends DirectionContract {

    @Override
    DatabaseKind primaryKind() {
        return DatabaseKind.H2;
    }

    @Override
    DatabaseKind secondaryKind() {
        return DatabaseKind.H2;
    }
}
