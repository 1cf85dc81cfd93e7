package io.dualwrite.sample.scenario;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * {@link PoolRowsWorkload} on {@code --threads} threads sharing one connection pool of as many connections.
 * Ids: HikariCP from 10,000,000, DBCP2 from 20,000,000 (see {@link PoolRowsWorkload} for the rest).
 */
final class PoolScenario implements Scenario {

    enum Kind {
        HIKARI("hikari", 10_000_000L),
        DBCP2("dbcp2", 20_000_000L);

        private final String label;
        private final long idBase;

        Kind(String label, long idBase) {
            this.label = label;
            this.idBase = idBase;
        }
    }

    private final Kind kind;

    PoolScenario(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        if (kind == Kind.HIKARI) {
            try (HikariDataSource pool = new HikariDataSource(hikariConfig(context))) {
                runThreads(pool, context);
            }
        } else {
            try (BasicDataSource pool = dbcp2(context)) {
                runThreads(pool, context);
            }
        }
    }

    private void runThreads(DataSource pool, ScenarioContext context) throws Exception {
        PoolRowsWorkload workload = new PoolRowsWorkload(work -> {
            try (Connection connection = pool.getConnection()) {
                work.run(connection);
            }
        }, kind.label, kind.idBase);
        ExecutorService executor = Executors.newFixedThreadPool(context.threads());
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int threadNo = 0; threadNo < context.threads(); threadNo++) {
                int currentThreadNo = threadNo;
                threads.add(executor.submit(() -> {
                    workload.run(currentThreadNo, context.rows());
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            executor.shutdown();
        }
        System.out.println(kind.label + ": " + context.threads() + " threads wrote " + context.rows()
                + " rows each");
    }

    private static HikariConfig hikariConfig(ScenarioContext context) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sample-hikari");
        config.setJdbcUrl(context.url());
        if (context.user() != null) {
            config.setUsername(context.user());
        }
        if (context.password() != null) {
            config.setPassword(context.password());
        }
        config.setMaximumPoolSize(context.threads());
        return config;
    }

    private static BasicDataSource dbcp2(ScenarioContext context) {
        BasicDataSource dataSource = new BasicDataSource();
        dataSource.setUrl(context.url());
        if (context.user() != null) {
            dataSource.setUsername(context.user());
        }
        if (context.password() != null) {
            dataSource.setPassword(context.password());
        }
        dataSource.setMaxTotal(context.threads());
        dataSource.setMaxIdle(context.threads());
        return dataSource;
    }
}
