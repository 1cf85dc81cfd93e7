package io.dualwrite.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** H2 file databases, one directory each under {@code <dualwrite.it.workdir>/h2}. */
final class H2Files extends DatabaseServer {

    static final String USER = "sa";
    static final String PASSWORD = "";

    private final Path root;

    H2Files(Path root) {
        super(DatabaseKind.H2);
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public TestDatabase createDatabase() {
        String name = newDatabaseName();
        try {
            Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new AssertionError("could not create " + root.resolve(name) + ": " + e, e);
        }
        return new TestDatabase(this, name, urlOf(name), USER, PASSWORD);
    }

    @Override
    void drop(TestDatabase database) {
        Path dir = root.resolve(database.name());
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[it] could not delete " + dir + ": " + e);
        }
    }

    @Override
    public String urlOf(String databaseName) {
        return "jdbc:h2:file:" + root.resolve(databaseName).resolve("db").toString().replace('\\', '/');
    }

    @Override
    public String origin() {
        return "files under " + root;
    }
}
