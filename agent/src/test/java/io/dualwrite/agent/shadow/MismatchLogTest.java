package io.dualwrite.agent.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.log.RecordingLogger;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class MismatchLogTest {

    private static final String SQL = "SELECT * FROM users WHERE email = ? AND note = 'secret-literal' AND age > 42";
    private static final Parameter[] PARAMETERS = {
        null,
        Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {1, "alice@example.com"}),
        Parameter.restore(Setter.forKey("setBigDecimal(ILjava/math/BigDecimal;)V"), new Object[] {2, new BigDecimal("12.50")}),
        Parameter.restore(Setter.forKey("setInt(II)V"), new Object[] {3, 7}),
    };
    private static final Mismatch MISMATCH = new Mismatch(Mismatch.Kind.VALUE, 3, "email", "alice@example.com",
            "bob@example.com", 10, 9);

    private final RecordingLogger logger = new RecordingLogger();

    @TempDir
    Path dir;

    @Test
    void eachMismatchIsOneLineOfJsonWithTheQueryItsValuesAndTheDifference() throws IOException {
        Path file = dir.resolve("shadow/mismatches.jsonl");
        try (MismatchLog log = new MismatchLog(file, false, logger)) {
            log.append(SQL, PARAMETERS, MISMATCH);
            log.append("SELECT 1", null, new Mismatch(Mismatch.Kind.ROW_MISSING_ON_SECONDARY, 0, null, "[1]", null, 1, 0));
            assertThat(log.written()).isEqualTo(2);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        Map<String, Object> first = json(lines.get(0));
        assertThat(first).containsEntry("sql", SQL)
                .containsEntry("parameters", List.of("alice@example.com", "12.50", 7))
                .containsEntry("kind", "VALUE").containsEntry("row", 3).containsEntry("column", "email")
                .containsEntry("primary", "alice@example.com").containsEntry("secondary", "bob@example.com")
                .containsEntry("primaryRows", 10).containsEntry("secondaryRows", 9);
        assertThat(Instant.parse((String) first.get("time"))).isBeforeOrEqualTo(Instant.now());
        assertThat((String) first.get("time")).endsWith("Z");
        assertThat(json(lines.get(1))).containsEntry("parameters", List.of()).containsEntry("column", null)
                .containsEntry("primary", "[1]").containsEntry("secondary", null);
    }

    @Test
    void maskedLinesCarryNoValueFromTheQueryTheBindsOrTheRows() throws IOException {
        Path file = dir.resolve("mismatches.jsonl");
        try (MismatchLog log = new MismatchLog(file, true, logger)) {
            log.append(SQL, PARAMETERS, MISMATCH);
        }

        String line = Files.readString(file).trim();
        assertThat(line.replaceFirst("\"time\":\"[^\"]*\"", "")).as("the time may hold any digits")
                .doesNotContain("alice", "bob", "secret-literal", "12.5", "42");
        assertThat(json(line)).containsEntry("sql", "SELECT * FROM users WHERE email = ? AND note = ? AND age > ?")
                .containsEntry("parameters", List.of("***", "***", "***"))
                .containsEntry("primary", "***").containsEntry("secondary", "***")
                .containsEntry("column", "email").containsEntry("primaryRows", 10);
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyInADirectoryOfItsOwn() throws IOException {
        assertThat(FileSystems.getDefault().supportedFileAttributeViews()).as("needs a POSIX file system").contains("posix");
        Path file = dir.resolve("logs/shadow/mismatches.jsonl");
        try (MismatchLog log = new MismatchLog(file, false, logger)) {
            assertThat(file).as("nothing is created before the first mismatch").doesNotExist();
            log.append(SQL, PARAMETERS, MISMATCH);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void anExistingFileIsAppendedToAndTightened() throws IOException {
        Path file = dir.resolve("mismatches.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (MismatchLog log = new MismatchLog(file, false, logger)) {
            log.append(SQL, PARAMETERS, MISMATCH);
        }

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("{\"earlier\":true}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatCannotBeWrittenIsCountedAndLoggedOnceAndNeverThrown() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (MismatchLog log = new MismatchLog(notADirectory.resolve("mismatches.jsonl"), false, logger)) {
            log.append(SQL, PARAMETERS, MISMATCH);
            log.append(SQL, PARAMETERS, MISMATCH);
            log.append(SQL, PARAMETERS, MISMATCH);

            assertThat(log.failures()).isEqualTo(3);
            assertThat(log.written()).isZero();
        }
        assertThat(logger.lines).singleElement().asString().startsWith("WARN").contains("mismatch log")
                .doesNotContain("alice");
    }

    @Test
    void linesFromManyThreadsDoNotInterleave() throws Exception {
        Path file = dir.resolve("mismatches.jsonl");
        int threads = 8;
        int each = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        try (MismatchLog log = new MismatchLog(file, false, logger)) {
            for (int t = 0; t < threads; t++) {
                Thread writer = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        log.append(SQL + " -- " + "x".repeat(i), PARAMETERS, MISMATCH);
                    }
                });
                writer.start();
                writers.add(writer);
            }
            start.countDown();
            for (Thread writer : writers) {
                writer.join();
            }
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * each);
        assertThat(lines).allSatisfy(line -> assertThat(json(line)).containsEntry("kind", "VALUE"));
    }

    @Test
    void closedItWritesNothingMore() throws IOException {
        Path file = dir.resolve("mismatches.jsonl");
        MismatchLog log = new MismatchLog(file, false, logger);
        log.append(SQL, PARAMETERS, MISMATCH);
        log.close();
        log.append(SQL, PARAMETERS, MISMATCH);

        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(Arrays.asList(log.written(), log.failures())).containsExactly(1L, 0L);
    }

    /** Parses a line as JSON (YAML's flow style is a superset of it) after checking it is a single JSON object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        assertThat(line).startsWith("{").endsWith("}").doesNotContain("\n");
        return (Map<String, Object>) new Yaml().load(line);
    }
}
