package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("non-deterministic expressions MariaDB -> PostgreSQL")
class NondeterministicMariadbToPostgresqlIT extends NondeterministicContract {

    NondeterministicMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }
}
