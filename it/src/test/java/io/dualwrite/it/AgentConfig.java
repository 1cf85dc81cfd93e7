package io.dualwrite.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the agent's YAML configuration (the public contract) for a primary and a secondary database. */
public final class AgentConfig {

    private boolean enabled = true;
    private String primaryUrlPattern;
    /** {@code primary.url}, {@code user}, {@code password}, {@code driver-jar}: for the commands; null when not set. */
    private String primaryUrl;
    private String primaryUser;
    private String primaryPassword;
    private String primaryDriverJar;
    private String secondaryDriverJar;
    private String secondaryUrl;
    private String secondaryUser;
    private String secondaryPassword;
    private int poolSize = 4;
    private int connectTimeoutMs = 5000;
    private int statementTimeoutMs = 5000;
    private boolean ddl;
    private String mode = "sync";
    private int queueCapacity = 10_000;
    private int metricsPort;
    private String onFailure = "journal";
    private String journalDir;
    private int retryIntervalMs = 200;
    private int shutdownTimeoutMs = 5000;
    /** {@code writes.nondeterministic}: null (left out of the YAML) until a test sets it. */
    private String nondeterministic;
    private final List<String> include = new ArrayList<>(Arrays.asList("*"));
    private final List<String> exclude = new ArrayList<>();
    /** The {@code reads} section: null (left out of the YAML) until a test sets a key. */
    private Reads reads;
    /** The {@code mapping} section, one entry per primary table; left out when empty. */
    private final List<TableMapping> mapping = new ArrayList<>();

    private AgentConfig() {
    }

    /** Mirrors writes to {@code primary} (its URL, as a glob with a trailing {@code *}) onto {@code secondary}. */
    public static AgentConfig mirroring(TestDatabase primary, TestDatabase secondary) {
        return new AgentConfig()
                .primaryUrlPattern(primary.url() + "*")
                .secondary(secondary.url(), secondary.user(), secondary.password());
    }

    /** Mirrors writes on connections whose URL matches the glob {@code primaryUrlPattern} onto {@code secondaryUrl}. */
    public static AgentConfig mirroring(String primaryUrlPattern, String secondaryUrl) {
        return new AgentConfig().primaryUrlPattern(primaryUrlPattern).secondary(secondaryUrl, "", "");
    }

    public static AgentConfig mirroring(DatabasePair pair) {
        return mirroring(pair.primary(), pair.secondary());
    }

    public AgentConfig primaryUrlPattern(String pattern) {
        this.primaryUrlPattern = pattern;
        return this;
    }

    /**
     * {@code primary.url}, {@code primary.user}, {@code primary.password} (left out when empty) and
     * {@code primary.driver-jar}: where the {@code verify}, {@code repair} and {@code backfill} commands connect to
     * the primary (the agent itself ignores these keys).
     *
     * @param driverJar the primary's JDBC driver jar, for commands run under {@code java -jar}; null to leave the
     *                  key out
     */
    public AgentConfig primaryConnection(TestDatabase primary, java.nio.file.Path driverJar) {
        this.primaryUrl = primary.url();
        this.primaryUser = primary.user();
        this.primaryPassword = primary.password();
        this.primaryDriverJar = driverJar == null ? null : driverJar.toString();
        return this;
    }

    /** {@code secondary.driver-jar}: the secondary's JDBC driver jar, for commands run under {@code java -jar}. */
    public AgentConfig secondaryDriverJar(java.nio.file.Path driverJar) {
        this.secondaryDriverJar = driverJar == null ? null : driverJar.toString();
        return this;
    }

    /**
     * Everything the commands need besides the agent's own keys: the primary's connection and both driver jars
     * (located with {@link DriverJars}).
     */
    public AgentConfig forCommands(TestDatabase primary, TestDatabase secondary) {
        return primaryConnection(primary, DriverJars.of(primary.kind()))
                .secondaryDriverJar(DriverJars.of(secondary.kind()));
    }

    /** {@code writes.tables.include}, in place of the default {@code ["*"]}. */
    public AgentConfig include(String... tables) {
        include.clear();
        include.addAll(Arrays.asList(tables));
        return this;
    }

    public AgentConfig secondary(String url, String user, String password) {
        this.secondaryUrl = url;
        this.secondaryUser = user;
        this.secondaryPassword = password;
        return this;
    }

    /** Any string, including a {@code ${env:...}} or {@code ${file:...}} reference. */
    public AgentConfig secondaryPassword(String password) {
        this.secondaryPassword = password;
        return this;
    }

    public AgentConfig ddl(boolean mirrorDdl) {
        this.ddl = mirrorDdl;
        return this;
    }

    public AgentConfig exclude(String... tables) {
        exclude.addAll(Arrays.asList(tables));
        return this;
    }

    public AgentConfig poolSize(int size) {
        this.poolSize = size;
        return this;
    }

    public AgentConfig connectTimeoutMs(int millis) {
        this.connectTimeoutMs = millis;
        return this;
    }

    public AgentConfig statementTimeoutMs(int millis) {
        this.statementTimeoutMs = millis;
        return this;
    }

    /** {@code writes.mode}: {@code sync} or {@code async}. */
    public AgentConfig mode(String writeMode) {
        this.mode = writeMode;
        return this;
    }

    /** {@code writes.queue-capacity}, for async mode. */
    public AgentConfig queueCapacity(int units) {
        this.queueCapacity = units;
        return this;
    }

    /** {@code metrics.port}: the Prometheus endpoint, on loopback. */
    public AgentConfig metricsPort(int port) {
        this.metricsPort = port;
        return this;
    }

    /** {@code journal}, {@code fail} or {@code ignore}. */
    public AgentConfig onFailure(String policy) {
        this.onFailure = policy;
        return this;
    }

    /** Left out, the journal is next to the configuration file (see {@link AgentRun#journalDir()}). */
    public AgentConfig journalDir(java.nio.file.Path dir) {
        this.journalDir = dir.toString();
        return this;
    }

    public AgentConfig retryIntervalMs(int millis) {
        this.retryIntervalMs = millis;
        return this;
    }

    public AgentConfig shutdownTimeoutMs(int millis) {
        this.shutdownTimeoutMs = millis;
        return this;
    }

    /** {@code writes.nondeterministic}: {@code warn} or {@code rewrite}. */
    public AgentConfig nondeterministic(String mode) {
        this.nondeterministic = mode;
        return this;
    }

    public AgentConfig enabled(boolean on) {
        this.enabled = on;
        return this;
    }

    /** {@code reads.route}: {@code primary}, {@code secondary}, {@code split} or {@code shadow}. */
    public AgentConfig reads(String route) {
        reads().route = route;
        return this;
    }

    /** {@code reads.secondary-percent}: the share of eligible reads {@code split} sends to the secondary. */
    public AgentConfig secondaryPercent(int percent) {
        reads().secondaryPercent = percent;
        return this;
    }

    /** {@code reads.shadow-percent}: the share of reads {@code shadow} also runs on the secondary. */
    public AgentConfig shadowPercent(int percent) {
        reads().shadowPercent = percent;
        return this;
    }

    /** {@code reads.read-your-writes-ms}: how long after a write a connection's reads stay on the primary. */
    public AgentConfig readYourWritesMs(int millis) {
        reads().readYourWritesMs = millis;
        return this;
    }

    /** {@code reads.tables}: the tables whose reads may leave the primary (globs). */
    public AgentConfig readTables(List<String> include, List<String> exclude) {
        reads().tablesInclude = new ArrayList<>(include);
        reads().tablesExclude = new ArrayList<>(exclude);
        return this;
    }

    /** {@code reads.sticky}: {@code none} or {@code connection}. */
    public AgentConfig sticky(String sticky) {
        reads().sticky = sticky;
        return this;
    }

    /** {@code reads.pool-size}: connections the agent keeps to the secondary for reads. */
    public AgentConfig readPoolSize(int size) {
        reads().poolSize = size;
        return this;
    }

    /** {@code reads.shadow-max-rows}: the most rows of one shadow read that are compared. */
    public AgentConfig shadowMaxRows(int rows) {
        reads().shadowMaxRows = rows;
        return this;
    }

    /** {@code reads.shadow-threads}. */
    public AgentConfig shadowThreads(int threads) {
        reads().shadowThreads = threads;
        return this;
    }

    /** {@code reads.shadow-queue-capacity}. */
    public AgentConfig shadowQueueCapacity(int capacity) {
        reads().shadowQueueCapacity = capacity;
        return this;
    }

    /** {@code reads.mismatch-log}: a relative path is relative to the configuration file's directory. */
    public AgentConfig mismatchLog(String path) {
        reads().mismatchLog = path;
        return this;
    }

    /** {@code reads.mask-values}: {@code ***} for every value in the mismatch log. */
    public AgentConfig maskValues(boolean mask) {
        reads().maskValues = mask;
        return this;
    }

    /** A {@code mapping} entry: how the secondary holds a primary table. */
    public AgentConfig mapping(TableMapping table) {
        mapping.add(table);
        return this;
    }

    private Reads reads() {
        if (reads == null) {
            reads = new Reads();
        }
        return reads;
    }

    public String toYaml() {
        StringBuilder y = new StringBuilder();
        y.append("# written by the dualwrite integration tests\n");
        y.append("enabled: ").append(enabled).append('\n');
        y.append("primary:\n");
        y.append("  url-pattern: ").append(quote(primaryUrlPattern)).append('\n');
        if (primaryUrl != null) {
            y.append("  url: ").append(quote(primaryUrl)).append('\n');
            if (primaryUser != null && !primaryUser.isEmpty()) {
                y.append("  user: ").append(quote(primaryUser)).append('\n');
            }
            if (primaryPassword != null && !primaryPassword.isEmpty()) {
                y.append("  password: ").append(quote(primaryPassword)).append('\n');
            }
            if (primaryDriverJar != null) {
                y.append("  driver-jar: ").append(quote(primaryDriverJar)).append('\n');
            }
        }
        y.append("secondary:\n");
        y.append("  url: ").append(quote(secondaryUrl)).append('\n');
        y.append("  user: ").append(quote(secondaryUser)).append('\n');
        y.append("  password: ").append(quote(secondaryPassword)).append('\n');
        if (secondaryDriverJar != null) {
            y.append("  driver-jar: ").append(quote(secondaryDriverJar)).append('\n');
        }
        y.append("  properties: {}\n");
        y.append("  pool-size: ").append(poolSize).append('\n');
        y.append("  connect-timeout-ms: ").append(connectTimeoutMs).append('\n');
        y.append("  statement-timeout-ms: ").append(statementTimeoutMs).append('\n');
        y.append("writes:\n");
        y.append("  mode: ").append(mode).append('\n');
        y.append("  on-failure: ").append(onFailure).append('\n');
        y.append("  queue-capacity: ").append(queueCapacity).append('\n');
        y.append("  shutdown-timeout-ms: ").append(shutdownTimeoutMs).append('\n');
        y.append("  ddl: ").append(ddl).append('\n');
        if (nondeterministic != null) {
            y.append("  nondeterministic: ").append(nondeterministic).append('\n');
        }
        y.append("  tables:\n");
        y.append("    include: ").append(list(include)).append('\n');
        y.append("    exclude: ").append(list(exclude)).append('\n');
        y.append("journal:\n");
        if (journalDir != null) {
            y.append("  dir: ").append(quote(journalDir)).append('\n');
        }
        // the tests' secondaries come back within seconds: retry often, so the drain is seen
        y.append("  retry-interval-ms: ").append(retryIntervalMs).append('\n');
        if (metricsPort != 0) {
            y.append("metrics:\n");
            y.append("  port: ").append(metricsPort).append('\n');
        }
        if (reads != null) {
            reads.appendTo(y);
        }
        if (!mapping.isEmpty()) {
            y.append("mapping:\n");
            mapping.forEach(table -> table.appendTo(y));
        }
        return y.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "\"\"";
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String list(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return s.append(']').toString();
    }

    @Override
    public String toString() {
        return toYaml();
    }

    /** One table of the {@code mapping} section; the keys a test leaves unset are left out. */
    public static final class TableMapping {
        private final String table;
        private String secondaryTable;
        private final Map<String, String> columns = new LinkedHashMap<>();
        private final List<String> drop = new ArrayList<>();
        private final Map<String, Object> constants = new LinkedHashMap<>();

        private TableMapping(String table) {
            this.table = table;
        }

        /** The mapping of primary table {@code table}. */
        public static TableMapping of(String table) {
            return new TableMapping(table);
        }

        /** {@code table}: the secondary's name for it. */
        public TableMapping table(String name) {
            this.secondaryTable = name;
            return this;
        }

        /** {@code columns}: primary column {@code from} is {@code to} on the secondary. */
        public TableMapping rename(String from, String to) {
            columns.put(from, to);
            return this;
        }

        /** {@code drop}: primary columns the secondary does not have. */
        public TableMapping drop(String... dropped) {
            drop.addAll(Arrays.asList(dropped));
            return this;
        }

        /** {@code constants}: a text, number, boolean or null every inserted row gets in {@code column}. */
        public TableMapping constant(String column, Object value) {
            constants.put(column, value);
            return this;
        }

        void appendTo(StringBuilder y) {
            y.append("  ").append(quote(table)).append(":\n");
            if (secondaryTable != null) {
                y.append("    table: ").append(quote(secondaryTable)).append('\n');
            }
            if (!columns.isEmpty()) {
                y.append("    columns:\n");
                columns.forEach((from, to) -> y.append("      ").append(quote(from)).append(": ").append(quote(to))
                        .append('\n'));
            }
            if (!drop.isEmpty()) {
                y.append("    drop: ").append(list(drop)).append('\n');
            }
            if (!constants.isEmpty()) {
                y.append("    constants:\n");
                constants.forEach((column, value) -> y.append("      ").append(quote(column)).append(": ")
                        .append(value instanceof String ? quote((String) value) : String.valueOf(value))
                        .append('\n'));
            }
        }
    }

    /** The keys of the {@code reads} section a test set; the others are left out, so the agent's defaults hold. */
    private static final class Reads {
        String route;
        Integer secondaryPercent;
        Integer shadowPercent;
        Integer readYourWritesMs;
        List<String> tablesInclude;
        List<String> tablesExclude;
        String sticky;
        Integer poolSize;
        Integer shadowMaxRows;
        Integer shadowThreads;
        Integer shadowQueueCapacity;
        String mismatchLog;
        Boolean maskValues;

        void appendTo(StringBuilder y) {
            y.append("reads:\n");
            key(y, "route", route);
            key(y, "secondary-percent", secondaryPercent);
            key(y, "shadow-percent", shadowPercent);
            key(y, "read-your-writes-ms", readYourWritesMs);
            if (tablesInclude != null) {
                y.append("  tables:\n");
                y.append("    include: ").append(list(tablesInclude)).append('\n');
                y.append("    exclude: ").append(list(tablesExclude)).append('\n');
            }
            key(y, "sticky", sticky);
            key(y, "pool-size", poolSize);
            key(y, "shadow-max-rows", shadowMaxRows);
            key(y, "shadow-threads", shadowThreads);
            key(y, "shadow-queue-capacity", shadowQueueCapacity);
            if (mismatchLog != null) {
                y.append("  mismatch-log: ").append(quote(mismatchLog)).append('\n');
            }
            key(y, "mask-values", maskValues);
        }

        private static void key(StringBuilder y, String key, Object value) {
            if (value != null) {
                y.append("  ").append(key).append(": ").append(value).append('\n');
            }
        }
    }
}
