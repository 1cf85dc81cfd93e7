package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Dialect translation from PostgreSQL to MariaDB. */
@DisplayName("dialect translation PostgreSQL -> MariaDB")
class DialectTranslationPostgresqlToMariadbIT extends DialectTranslationContract {

    DialectTranslationPostgresqlToMariadbIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @Override
    String refusalReason() {
        return "ON CONFLICT ON CONSTRAINT";
    }
}
