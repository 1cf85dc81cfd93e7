package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from H2 to H2 (file databases). */
@DisplayName("mirroring H2 -> H2 (file databases)")
class MirrorH2ToH2IT extends DirectionContract {

    MirrorH2ToH2IT() {
        super(DatabaseKind.H2, DatabaseKind.H2);
    }
}
