package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("non-deterministic expressions PostgreSQL -> MariaDB")
class NondeterministicPostgresqlToMariadbIT extends NondeterministicContract {

    NondeterministicPostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }
}
