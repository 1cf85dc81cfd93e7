package io.dualwrite.sample.load;

import io.dualwrite.sample.Database;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where one database is and how to log in. Deliberately without {@code toString()}: the URL itself may carry a
 * password ({@code ?password=...}), so neither is ever printed.
 */
public final class ConnectionSettings {

    private final String url;
    private final String user;
    private final String password;

    /** {@code user} and {@code password} may be null: then the URL (or the driver's default) decides. */
    public ConnectionSettings(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return Database.connect(url, user, password);
    }
}
