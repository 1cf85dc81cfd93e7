package io.dualwrite.it;

import java.security.SecureRandom;
import java.util.Locale;

/** A place where a test can create its own database, and drop it again. */
public abstract class DatabaseServer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final DatabaseKind kind;

    protected DatabaseServer(DatabaseKind kind) {
        this.kind = kind;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** Creates a new, empty database named {@code dw_it_<8 random characters>}. */
    public abstract TestDatabase createDatabase();

    /** Drops the database; never throws, so that a cleanup cannot hide a test's own failure. */
    abstract void drop(TestDatabase database);

    /** A JDBC URL of a database with this name on this server, whether it exists or not. */
    public abstract String urlOf(String databaseName);

    /** Where this server comes from (environment, local server, container), for messages. */
    public abstract String origin();

    static String newDatabaseName() {
        StringBuilder name = new StringBuilder("dw_it_");
        for (int i = 0; i < 8; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return kind.displayName() + " (" + origin() + ")";
    }
}
