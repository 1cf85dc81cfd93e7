package io.dualwrite.sample.load;

import io.dualwrite.sample.Args;
import io.dualwrite.sample.Args.UsageException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The {@code load} command's options, checked; see {@link LoadGenerator} for what each one does. */
public final class LoadOptions {

    static final int DEFAULT_THREADS = 4;
    static final int DEFAULT_DURATION_SECONDS = 10;
    static final int DEFAULT_WARMUP_SECONDS = 2;
    static final int DEFAULT_BATCH = 1;
    static final int DEFAULT_ROWS = 10_000;

    final ConnectionSettings primary;
    /** Null unless {@code --hand-written-dual-write}. */
    final ConnectionSettings secondary;
    final int threads;
    final int durationSeconds;
    final int warmupSeconds;
    final OperationMix mix;
    final int batch;
    final int rows;
    /** Operations per second of all threads together; 0 for as many as they can. */
    final int rate;
    /** Null when not given. */
    final Path json;
    final boolean setupOnly;

    private LoadOptions(Args args) throws UsageException {
        primary = new ConnectionSettings(args.required("url"), args.optional("user"), args.optional("password"));
        secondary = secondary(args);
        threads = args.positiveInt("threads", DEFAULT_THREADS);
        durationSeconds = args.positiveInt("duration", DEFAULT_DURATION_SECONDS);
        warmupSeconds = args.nonNegativeInt("warmup", DEFAULT_WARMUP_SECONDS);
        String mixText = args.optional("mix");
        mix = OperationMix.parse(mixText == null ? OperationMix.DEFAULT : mixText);
        batch = args.positiveInt("batch", DEFAULT_BATCH);
        rows = args.nonNegativeInt("rows", DEFAULT_ROWS);
        rate = args.nonNegativeInt("rate", 0);
        String jsonFile = args.optional("json");
        json = jsonFile == null ? null : Paths.get(jsonFile);
        setupOnly = args.flag("setup-only");
        if (rows / threads >= OrdersTable.IDS_PER_THREAD) {
            throw new UsageException("--rows " + rows + " is too many for " + threads + " threads: each thread owns "
                    + OrdersTable.IDS_PER_THREAD + " ids");
        }
    }

    public static LoadOptions of(Args args) throws UsageException {
        return new LoadOptions(args);
    }

    private static ConnectionSettings secondary(Args args) throws UsageException {
        String url = args.optional("secondary-url");
        if (!args.flag("hand-written-dual-write")) {
            for (String option : new String[] {"secondary-url", "secondary-user", "secondary-password"}) {
                if (args.optional(option) != null) {
                    throw new UsageException("--" + option + " is only for --hand-written-dual-write (with the agent,"
                            + " its configuration names the secondary)");
                }
            }
            return null;
        }
        if (url == null) {
            throw new UsageException("--hand-written-dual-write needs --secondary-url");
        }
        return new ConnectionSettings(url, args.optional("secondary-user"), args.optional("secondary-password"));
    }

    boolean handWrittenDualWrite() {
        return secondary != null;
    }
}
