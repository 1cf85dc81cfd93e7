package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** A mapped table, mirrored from PostgreSQL to MariaDB. */
@DisplayName("mapping PostgreSQL -> MariaDB")
class MappingPostgresqlToMariadbIT extends MappingContract {

    MappingPostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }
}
