package io.dualwrite.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command lines of the sample application ({@code schema}, {@code scenario NAME}) against a test database. */
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

    private static List<String> connection(TestDatabase db) {
        List<String> args = new ArrayList<>(Arrays.asList("--url", db.url(), "--user", db.user()));
        if (!db.password().isEmpty()) {
            args.add("--password");
            args.add(db.password());
        }
        return args;
    }
}
