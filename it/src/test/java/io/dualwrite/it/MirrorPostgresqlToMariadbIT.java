package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from PostgreSQL to MariaDB. */
@DisplayName("mirroring PostgreSQL -> MariaDB")
class MirrorPostgresqlToMariadbIT extends DirectionContract {

    MirrorPostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }
}
