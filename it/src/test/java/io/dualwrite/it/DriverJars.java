package io.dualwrite.it;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The JDBC driver jars on the tests' class path, for commands of the agent jar run under {@code java -jar} (where
 * there is no application class path): {@code secondary.driver-jar}, {@code primary.driver-jar},
 * {@code --driver-jar}.
 */
final class DriverJars {

    private DriverJars() {
    }

    static Path postgresql() {
        return jarOf(org.postgresql.Driver.class);
    }

    static Path mariadb() {
        return jarOf(org.mariadb.jdbc.Driver.class);
    }

    /** The driver jar of a network database; H2 has none of its own here (fails). */
    static Path of(DatabaseKind kind) {
        switch (kind) {
            case POSTGRESQL:
                return postgresql();
            case MARIADB:
                return mariadb();
            default:
                throw new IllegalArgumentException("no driver jar located for " + kind.displayName());
        }
    }

    private static Path jarOf(Class<?> driver) {
        try {
            Path jar = Paths.get(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError("the driver " + driver.getName() + " does not come from a jar but from " + jar);
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new AssertionError("the location of " + driver.getName() + ": " + e, e);
        }
    }
}
