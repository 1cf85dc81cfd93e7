package io.dualwrite.agent.mirror;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds the JDBC driver for the secondary's URL. The agent's class loader sees no driver, so it looks in the
 * configured {@code driver-jar}, then in the class loaders the application's own drivers came from, then in
 * the system class loader.
 */
public final class SecondaryDriver {

    private final String url;
    private final ClassLoader driverJarLoader;
    private final List<ClassLoader> applicationLoaders = new CopyOnWriteArrayList<>();
    private volatile Driver driver;

    public SecondaryDriver(String url, Optional<Path> driverJar) throws java.net.MalformedURLException {
        this.url = url;
        this.driverJarLoader = driverJar.isPresent()
                ? new URLClassLoader("dualwrite-secondary-driver", new URL[] {driverJar.get().toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())
                : null;
    }

    /** Remembers a class loader that loaded one of the application's JDBC classes. */
    void remember(ClassLoader loader) {
        if (loader != null && !applicationLoaders.contains(loader)) {
            applicationLoaders.add(loader);
        }
    }

    public Driver get() throws SQLException {
        Driver found = driver;
        if (found == null) {
            found = find();
            driver = found;
        }
        return found;
    }

    private Driver find() throws SQLException {
        if (driverJarLoader != null) {
            Driver fromJar = acceptingDriver(driverJarLoader);
            if (fromJar != null) {
                return fromJar;
            }
        }
        for (ClassLoader loader : applicationLoaders) {
            Driver fromApplication = acceptingDriver(loader);
            if (fromApplication != null) {
                return fromApplication;
            }
        }
        Driver fromSystem = acceptingDriver(ClassLoader.getSystemClassLoader());
        if (fromSystem != null) {
            return fromSystem;
        }
        throw new SQLException("no JDBC driver for the secondary's URL was found"
                + (driverJarLoader == null ? " on the application's class path; set secondary.driver-jar"
                        : " in secondary.driver-jar nor on the application's class path"), "08001");
    }

    private Driver acceptingDriver(ClassLoader loader) {
        try {
            for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            }
        } catch (SQLException | ServiceConfigurationError | LinkageError e) {
            return null;
        }
        return null;
    }
}
