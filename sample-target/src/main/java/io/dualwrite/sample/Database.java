package io.dualwrite.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens plain connections through {@link DriverManager}, as an application without a pool would. */
public final class Database {

    private Database() {
    }

    public static Connection connect(String url, String user, String password) throws SQLException {
        return connect(url, user, password, new Properties());
    }

    /** {@code user} and {@code password} may be null: then the URL (or the driver's default) decides. */
    public static Connection connect(String url, String user, String password, Properties driverProperties)
            throws SQLException {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
