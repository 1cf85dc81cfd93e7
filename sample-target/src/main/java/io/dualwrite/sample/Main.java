package io.dualwrite.sample;

import io.dualwrite.sample.load.ConnectionSettings;
import io.dualwrite.sample.load.LoadGenerator;
import io.dualwrite.sample.load.LoadOptions;
import io.dualwrite.sample.load.StartupTimer;
import io.dualwrite.sample.scenario.Scenario;
import io.dualwrite.sample.scenario.ScenarioContext;
import io.dualwrite.sample.scenario.Scenarios;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;

/**
 * Entry point. Exit codes: 0 success, 1 failure (an unexpected exception, or a demo whose two databases
 * differ), 2 a bad command line.
 */
public final class Main {

    private static final int DEFAULT_THREADS = 8;
    private static final int DEFAULT_ROWS = 200;

    private Main() {
    }

    public static void main(String[] argv) {
        // first of all: what start-up took is measured up to here
        long mainReachedMillis = StartupTimer.uptimeMillis();
        int exitCode;
        try {
            exitCode = run(Args.parse(argv), mainReachedMillis);
        } catch (Args.UsageException e) {
            System.err.println("usage error: " + e.getMessage());
            exitCode = 2;
        } catch (Throwable e) {
            e.printStackTrace();
            exitCode = 1;
        }
        System.out.flush();
        // Explicit, so that no lingering pool or driver thread keeps the JVM alive.
        System.exit(exitCode);
    }

    private static int run(Args args, long mainReachedMillis) throws Exception {
        switch (args.command()) {
            case "schema":
                try (Connection connection = Database.connect(
                        args.required("url"), args.optional("user"), args.optional("password"))) {
                    Schema.create(connection);
                }
                System.out.println("schema created: " + String.join(", ", Schema.tables()));
                return 0;
            case "scenario":
                return runScenario(args);
            case "load":
                return LoadGenerator.run(LoadOptions.of(args));
            case "startup":
                String url = args.optional("url");
                return StartupTimer.run(mainReachedMillis, url == null ? null
                        : new ConnectionSettings(url, args.optional("user"), args.optional("password")));
            case "demo":
                return Demo.run(args.required("primary"), args.required("secondary")) ? 0 : 1;
            default:
                throw new IllegalStateException("command accepted by Args but not handled: " + args.command());
        }
    }

    private static Path path(String value) {
        return value == null ? null : Paths.get(value);
    }

    private static int runScenario(Args args) throws Exception {
        String name = args.scenarioName();
        Scenario scenario = Scenarios.byName(name);
        if (scenario == null) {
            throw new Args.UsageException("unknown scenario '" + name + "': one of " + Scenarios.names());
        }
        ScenarioContext context = new ScenarioContext(args.required("url"), args.optional("user"),
                args.optional("password"), args.positiveInt("threads", DEFAULT_THREADS),
                args.positiveInt("rows", DEFAULT_ROWS))
                .withLoadLimits(args.positiveInt("seconds", 0), args.positiveInt("operations", 0),
                        path(args.optional("stop-file")), path(args.optional("exit-file")),
                        args.nonNegativeInt("max-errors", ScenarioContext.ANY_NUMBER_OF_ERRORS),
                        args.nonNegativeInt("pause-ms", 0))
                .withReads(args.optional("read"), args.positiveInt("queries", 1))
                .withTable(args.optional("table"));
        scenario.run(context);
        System.out.println("scenario " + name + " done");
        return 0;
    }
}
