package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** verify, repair and backfill of a MariaDB primary into a PostgreSQL secondary. */
@DisplayName("verify, repair, backfill MariaDB -> PostgreSQL")
class ReconcileMariadbToPostgresqlIT extends ReconcileContract {

    ReconcileMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }
}
