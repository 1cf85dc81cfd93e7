package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from PostgreSQL to PostgreSQL (a second database on the same server). */
@DisplayName("mirroring PostgreSQL -> PostgreSQL (a second database on the same server)")
class MirrorPostgresqlToPostgresqlIT extends DirectionContract {

    MirrorPostgresqlToPostgresqlIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.POSTGRESQL);
    }
}
