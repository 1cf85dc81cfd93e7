package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Shadow reads of a MariaDB primary compared on a PostgreSQL secondary. */
@DisplayName("shadow reads MariaDB -> PostgreSQL")
class ShadowReadsMariadbToPostgresqlIT extends ShadowReadsContract {

    ShadowReadsMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }
}
