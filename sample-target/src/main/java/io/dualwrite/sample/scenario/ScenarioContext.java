package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Database;
import java.nio.file.Path;
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
    private int seconds;
    private int operations;
    private Path stopFile;
    private Path exitFile;
    private int maxErrors = ANY_NUMBER_OF_ERRORS;
    private int pauseMillis;
    private String readKinds;
    private int queries = 1;
    private String table;

    /** {@link #maxErrors()} when the command line sets no limit. */
    public static final int ANY_NUMBER_OF_ERRORS = -1;

    public ScenarioContext(String url, String user, String password, int threads, int rows) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.threads = threads;
        this.rows = rows;
    }

    /**
     * How long a scenario that runs as a load keeps writing, and what it tolerates.
     *
     * @param seconds    at most this long; 0 for no limit
     * @param operations at most this many operations per thread; 0 for no limit
     * @param stopFile   writing stops once this file exists; null for none
     * @param exitFile   after writing, the application waits for this file before it exits; null for none
     * @param maxErrors  more errors than this fail the run; {@link #ANY_NUMBER_OF_ERRORS} for no limit
     * @param pauseMillis a pause between two operations of one thread
     */
    public ScenarioContext withLoadLimits(int seconds, int operations, Path stopFile, Path exitFile, int maxErrors,
                                          int pauseMillis) {
        this.seconds = seconds;
        this.operations = operations;
        this.stopFile = stopFile;
        this.exitFile = exitFile;
        this.maxErrors = maxErrors;
        this.pauseMillis = pauseMillis;
        return this;
    }

    /**
     * What the {@code reads} scenario reads.
     *
     * @param kinds   a comma-separated list of kinds of read; null for the default
     * @param queries how many reads of each kind
     */
    public ScenarioContext withReads(String kinds, int queries) {
        this.readKinds = kinds;
        this.queries = queries;
        return this;
    }

    /**
     * The table a scenario that works on one table of the caller's choosing writes into ({@code --table}).
     *
     * @param name a plain table name; null for the scenario's default
     */
    public ScenarioContext withTable(String name) {
        this.table = name;
        return this;
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

    /** 0 when not given. */
    public int seconds() {
        return seconds;
    }

    /** 0 when not given. */
    public int operations() {
        return operations;
    }

    /** Null when not given. */
    public Path stopFile() {
        return stopFile;
    }

    /** Null when not given. */
    public Path exitFile() {
        return exitFile;
    }

    /** {@link #ANY_NUMBER_OF_ERRORS} when not given. */
    public int maxErrors() {
        return maxErrors;
    }

    public int pauseMillis() {
        return pauseMillis;
    }

    /** Null when not given. */
    public String readKinds() {
        return readKinds;
    }

    /** 1 when not given. */
    public int queries() {
        return queries;
    }

    /** Null when not given. */
    public String table() {
        return table;
    }
}
