package io.dualwrite.it;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Database servers in Docker containers, started at most once per JVM and stopped by Testcontainers' reaper. */
final class Containers {

    private static final String CONTAINER_PASSWORD = "dw-it-container";

    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static synchronized DatabaseServer start(DatabaseKind kind) {
        JdbcDatabaseContainer<?> container;
        String adminPath;
        int port;
        if (kind == DatabaseKind.POSTGRESQL) {
            container = new PostgreSQLContainer<>(DockerImageName.parse("postgres:15"))
                    .withUsername("postgres").withPassword(CONTAINER_PASSWORD);
            adminPath = "postgres";
            port = 5432;
        } else if (kind == DatabaseKind.MARIADB) {
            container = new MariaDBContainer<>(DockerImageName.parse("mariadb:10.11"))
                    .withUsername("root").withPassword(CONTAINER_PASSWORD);
            adminPath = "";
            port = 3306;
        } else {
            throw new IllegalArgumentException(kind + " does not run in a container");
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new AssertionError("could not start a " + kind.displayName() + " container: " + e, e);
        }
        String scheme = kind == DatabaseKind.POSTGRESQL ? "postgresql" : "mariadb";
        String url = "jdbc:" + scheme + "://" + container.getHost() + ":" + container.getMappedPort(port) + "/" + adminPath;
        return new NetworkDatabaseServer(kind, url, container.getUsername(), CONTAINER_PASSWORD,
                "container " + container.getDockerImageName());
    }
}
