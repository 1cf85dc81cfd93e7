package io.dualwrite.it;

/**
 * A primary and a secondary database created for one test (or one test class); closing the pair drops
 * both, and a failure to create the second drops the first.
 */
public final class DatabasePair implements AutoCloseable {

    private final TestDatabase primary;
    private final TestDatabase secondary;

    private DatabasePair(TestDatabase primary, TestDatabase secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    public static DatabasePair create(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        DatabaseServer primaryServer = TestDatabases.of(primaryKind);
        DatabaseServer secondaryServer = TestDatabases.of(secondaryKind);
        TestDatabase primary = primaryServer.createDatabase();
        try {
            return new DatabasePair(primary, secondaryServer.createDatabase());
        } catch (RuntimeException | Error e) {
            primary.close();
            throw e;
        }
    }

    public TestDatabase primary() {
        return primary;
    }

    public TestDatabase secondary() {
        return secondary;
    }

    /** Drops and creates the sample application's tables on both sides. */
    public DatabasePair freshSchema() {
        SampleSchema.recreate(primary);
        SampleSchema.recreate(secondary);
        return this;
    }

    @Override
    public void close() {
        try {
            primary.close();
        } finally {
            secondary.close();
        }
    }

    @Override
    public String toString() {
        return primary.describe() + " -> " + secondary.describe();
    }
}
