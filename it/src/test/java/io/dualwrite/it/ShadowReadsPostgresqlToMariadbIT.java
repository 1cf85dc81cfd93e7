package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Shadow reads of a PostgreSQL primary compared on a MariaDB secondary. */
@DisplayName("shadow reads PostgreSQL -> MariaDB")
class ShadowReadsPostgresqlToMariadbIT extends ShadowReadsContract {

    ShadowReadsPostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }
}
