package fakejdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:fake:...} URLs that keeps nothing: its statements accept everything and report one
 * row updated, so that a benchmark measures what runs around a statement, not a database. It counts the statements
 * executed per URL, so that a benchmark can show where writes went (the primary, the agent's mirror to the
 * secondary).
 *
 * <p>Found through {@code META-INF/services/java.sql.Driver}, by {@code DriverManager} and by the agent looking for
 * the secondary's driver on the application's class path. Its package is not under {@code io.dualwrite}: the agent
 * never instruments classes there.
 */
public final class FakeDriver implements Driver {

    private static final String PREFIX = "jdbc:fake:";
    private static final List<FakeConnection> OPENED = new CopyOnWriteArrayList<>();

    static {
        // DriverManager only loads the drivers it finds as services; each registers itself, as JDBC asks
        try {
            DriverManager.registerDriver(new FakeDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) {
        if (!acceptsURL(url)) {
            return null; // JDBC: another driver's URL
        }
        FakeConnection connection = new FakeConnection(url);
        OPENED.add(connection);
        return connection;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * The statements executed so far on connections opened with exactly this URL (a batch counts once). Exact when
     * called from the thread that executed them, or after it stopped.
     */
    public static long executions(String url) {
        long sum = 0;
        for (FakeConnection connection : OPENED) {
            if (connection.url().equals(url)) {
                sum += connection.executions();
            }
        }
        return sum;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }
}
