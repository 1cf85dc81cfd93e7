package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Generated keys, from a PostgreSQL identity column to a MariaDB AUTO_INCREMENT one. */
@DisplayName("generated keys PostgreSQL -> MariaDB")
class GeneratedKeysPostgresqlToMariadbIT extends GeneratedKeysContract {

    GeneratedKeysPostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }
}
