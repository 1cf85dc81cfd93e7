package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** What a scenario is given on the command line. */
public final class ScenarioContext {

    private final String url;
    private final String user;
    private final String password;
    private final int threads;
    private final int rows;

    public ScenarioContext(String url, String user, String password, int threads, int rows) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.threads = threads;
        this.rows = rows;
    }

    public Connection connect() throws SQLException {
        return Database.connect(url, user, password);
    }

    public Connection connect(Properties driverProperties) throws SQLException {
        return Database.connect(url, user, password, driverProperties);
    }

    public String url() {
        return url;
    }

    /** Null when not given. */
    public String user() {
        return user;
    }

    /** Null when not given. */
    public String password() {
        return password;
    }

    public int threads() {
        return threads;
    }

    public int rows() {
        return rows;
    }
}
