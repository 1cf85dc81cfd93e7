package io.dualwrite.it;

import org.junit.jupiter.api.DisplayName;

/** Dialect translation from MariaDB to PostgreSQL. */
@DisplayName("dialect translation MariaDB -> PostgreSQL")
class DialectTranslationMariadbToPostgresqlIT extends DialectTranslationContract {

    DialectTranslationMariadbToPostgresqlIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.POSTGRESQL);
    }

    @Override
    String refusalReason() {
        return "ON DUPLICATE KEY UPDATE reads qty after assigning it";
    }
}
