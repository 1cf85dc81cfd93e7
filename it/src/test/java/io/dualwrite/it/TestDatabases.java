package io.dualwrite.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the database servers the tests run against, once per JVM: the server named by the
 * environment (or the local default) when it answers, else a Testcontainers container when a Docker
 * engine is present, else a failure that says how to start the local server. Never a skip.
 */
public final class TestDatabases {

    private static final Map<DatabaseKind, Object> RESOLVED = new ConcurrentHashMap<>();

    static {
        // Failsafe runs the tests with -ea; H2 2.3's own asserts then fail while it compacts a file on close
        // (RandomAccessStore.moveChunkInside), and the database loses what it held. Must run before H2 loads.
        TestDatabases.class.getClassLoader().setPackageAssertionStatus("org.h2", false);
        ClassLoader.getSystemClassLoader().setPackageAssertionStatus("org.h2", false);
        DriverManager.setLoginTimeout(10);
    }

    private TestDatabases() {
    }

    public static DatabaseServer postgres() {
        return resolve(DatabaseKind.POSTGRESQL);
    }

    public static DatabaseServer mariadb() {
        return resolve(DatabaseKind.MARIADB);
    }

    public static DatabaseServer h2() {
        return resolve(DatabaseKind.H2);
    }

    public static DatabaseServer of(DatabaseKind kind) {
        return resolve(kind);
    }

    private static DatabaseServer resolve(DatabaseKind kind) {
        Object found = RESOLVED.computeIfAbsent(kind, TestDatabases::locate);
        if (found instanceof AssertionError) {
            // the same clear message for every test that needs this server, without trying again
            throw new AssertionError(((AssertionError) found).getMessage());
        }
        return (DatabaseServer) found;
    }

    private static Object locate(DatabaseKind kind) {
        try {
            switch (kind) {
                case H2:
                    return new H2Files(ItPaths.workDir().resolve("h2"));
                case POSTGRESQL:
                    return locateServer(kind, "DUALWRITE_IT_POSTGRES",
                            "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
                case MARIADB:
                    return locateServer(kind, "DUALWRITE_IT_MARIADB",
                            "jdbc:mariadb://127.0.0.1:3306/", "root",
                            "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
                default:
                    throw new IllegalArgumentException(kind.toString());
            }
        } catch (AssertionError e) {
            return e;
        }
    }

    private static DatabaseServer locateServer(DatabaseKind kind, String envPrefix, String defaultUrl,
                                               String defaultUser, String startCommand) {
        String url = env(envPrefix + "_URL", defaultUrl);
        String user = env(envPrefix + "_USER", defaultUser);
        String password = env(envPrefix + "_PASSWORD", "");
        String origin = System.getenv(envPrefix + "_URL") == null ? "local server " + url : envPrefix + "_URL=" + url;
        NetworkDatabaseServer configured = new NetworkDatabaseServer(kind, url, user, password, origin);
        String problem;
        try (Connection c = configured.connectAdmin()) {
            c.isValid(5);
            return configured;
        } catch (SQLException e) {
            problem = e.toString();
        }
        if (Containers.dockerAvailable()) {
            return Containers.start(kind);
        }
        throw new AssertionError(kind.displayName() + " is required by this test but is not reachable at " + url
                + " as user " + user + " (" + problem + "), and Testcontainers finds no Docker engine. "
                + "Start the local server with: " + startCommand
                + " ; or point " + envPrefix + "_URL (an administrative JDBC URL), " + envPrefix + "_USER and "
                + envPrefix + "_PASSWORD at a server where that user may create and drop databases.");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
