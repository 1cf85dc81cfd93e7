package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from MariaDB to PostgreSQL. */
@DisplayName("mirroring MariaDB -> PostgreSQL")
class MirrorMariadbToPostgresqlIT extends DirectionContract {

    MirrorMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }
}
