package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** A mapped table, mirrored from MariaDB to PostgreSQL. */
@DisplayName("mapping MariaDB -> PostgreSQL")
class MappingMariadbToPostgresqlIT extends MappingContract {

    MappingMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }
}
