package io.dualwrite.sample.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every scenario, by its command-line name. */
public final class Scenarios {

    private static final Map<String, Scenario> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("statement", new StatementScenario());
        BY_NAME.put("prepared", new PreparedScenario());
        BY_NAME.put("batch", new BatchScenario());
        BY_NAME.put("transactions", new TransactionsScenario());
        BY_NAME.put("failures", new FailuresScenario());
        BY_NAME.put("pool-hikari", new PoolScenario(PoolScenario.Kind.HIKARI));
        BY_NAME.put("pool-dbcp2", new PoolScenario(PoolScenario.Kind.DBCP2));
        BY_NAME.put("proxy", new ProxyScenario());
        BY_NAME.put("ddl", new DdlScenario());
        BY_NAME.put("procedure", new ProcedureScenario());
        BY_NAME.put("excluded", new ExcludedScenario());
        BY_NAME.put("writes", new WritesScenario());
        BY_NAME.put("strict", new StrictScenario());
        BY_NAME.put("metrics", new MetricsScenario());
        BY_NAME.put("big-batch", new BigBatchScenario());
        BY_NAME.put("load", new LoadScenario());
        BY_NAME.put("reads", new ReadsScenario());
        BY_NAME.put("churn", new ChurnScenario());
        BY_NAME.put("mapped", new MappedScenario());
        BY_NAME.put("dialect", new DialectScenario());
        BY_NAME.put("nondeterministic", new NondeterministicScenario());
        BY_NAME.put("generated-keys", new GeneratedKeysScenario());
    }

    private Scenarios() {
    }

    /** Null for an unknown name. */
    public static Scenario byName(String name) {
        return BY_NAME.get(name);
    }

    public static String names() {
        return String.join(", ", BY_NAME.keySet());
    }
}
