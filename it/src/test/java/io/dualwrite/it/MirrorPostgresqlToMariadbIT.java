package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from PostgreSQL to MariaDB. */
@DisplayName("mirroring PostgreSQL -> MariaDB")
class MirrorPostgresqlToMariadbIT extends DirectionContract {

    @Override
    DatabaseKind primaryKind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Override
    DatabaseKind secondaryKind() {
        return DatabaseKind.MARIADB;
    }
}
