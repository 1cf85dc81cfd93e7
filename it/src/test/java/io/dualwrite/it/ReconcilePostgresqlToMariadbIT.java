package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** verify, repair and backfill of a PostgreSQL primary into a MariaDB secondary. */
@DisplayName("verify, repair, backfill PostgreSQL -> MariaDB")
class ReconcilePostgresqlToMariadbIT extends ReconcileContract {

    ReconcilePostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }
}
