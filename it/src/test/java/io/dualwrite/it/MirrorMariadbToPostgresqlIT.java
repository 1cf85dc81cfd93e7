package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Mirroring from MariaDB to PostgreSQL. */
@DisplayName("mirroring MariaDB -> PostgreSQL")
class MirrorMariadbToPostgresqlIT extends DirectionContract {

    @Override
    DatabaseKind primaryKind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    DatabaseKind secondaryKind() {
        return DatabaseKind.POSTGRESQL;
    }
}
