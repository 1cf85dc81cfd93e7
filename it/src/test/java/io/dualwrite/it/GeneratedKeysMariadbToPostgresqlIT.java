package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Generated keys, from a MariaDB AUTO_INCREMENT column to a PostgreSQL identity one. */
@DisplayName("generated keys MariaDB -> PostgreSQL")
class GeneratedKeysMariadbToPostgresqlIT extends GeneratedKeysContract {

    GeneratedKeysMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }
}
