package io.dualwrite.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A primary and a secondary database created once for a test class and dropped after it (also when a
 * test fails); the sample's tables are created afresh on both before every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabasePairPerClass {

    private final DatabaseKind primaryKind;
    private final DatabaseKind secondaryKind;
    protected DatabasePair databases;

    DatabasePairPerClass(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        this.primaryKind = primaryKind;
        this.secondaryKind = secondaryKind;
    }

    @BeforeAll
    void createDatabases() {
        databases = DatabasePair.create(primaryKind, secondaryKind);
    }

    @AfterAll
    void dropDatabases() {
        if (databases != null) {
            databases.close();
        }
    }

    @BeforeEach
    void freshTables() {
        databases.freshSchema();
    }

    protected DatabaseKind primaryKind() {
        return primaryKind;
    }

    protected DatabaseKind secondaryKind() {
        return secondaryKind;
    }

    protected TestDatabase primary() {
        return databases.primary();
    }

    protected TestDatabase secondary() {
        return databases.secondary();
    }
}
