package io.dualwrite.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command lines of the sample application ({@code schema}, {@code scenario NAME}, {@code load}, {@code startup})
 * against a test database.
 */
final class SampleCommand {

    private SampleCommand() {
    }

    static List<String> schema(TestDatabase db) {
        List<String> args = new ArrayList<>(Arrays.asList("schema"));
        args.addAll(connection(db));
        return args;
    }

    static List<String> scenario(String name, TestDatabase db, String... extra) {
        List<String> args = new ArrayList<>(Arrays.asList("scenario", name));
        args.addAll(connection(db));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    /** The measuring workload generator, {@code load}, on the database. */
    static List<String> load(TestDatabase db, String... extra) {
        List<String> args = new ArrayList<>(Arrays.asList("load"));
        args.addAll(connection(db));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    /** {@code load --hand-written-dual-write}: the generator writes to both databases itself. */
    static List<String> handWrittenLoad(TestDatabase primary, TestDatabase secondary, String... extra) {
        List<String> args = load(primary, "--hand-written-dual-write", "--secondary-url", secondary.url(),
                "--secondary-user", secondary.user());
        if (!secondary.password().isEmpty()) {
            args.add("--secondary-password");
            args.add(secondary.password());
        }
        args.addAll(Arrays.asList(extra));
        return args;
    }

    /** {@code startup}: prints the milliseconds from the JVM's start to {@code main} and to a first write. */
    static List<String> startup(TestDatabase db) {
        List<String> args = new ArrayList<>(Arrays.asList("startup"));
        args.addAll(connection(db));
        return args;
    }

    private static List<String> connection(TestDatabase db) {
        List<String> args = new ArrayList<>(Arrays.asList("--url", db.url(), "--user", db.user()));
        if (!db.password().isEmpty()) {
            args.add("--password");
            args.add(db.password());
        }
        return args;
    }
}
