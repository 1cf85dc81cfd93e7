package io.dualwrite.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The dead-letter file in a journal directory: one JSON line per write the secondary refused for good. */
final class DeadLetterFile {

    private DeadLetterFile() {
    }

    static List<String> lines(Path journalDir) {
        Path file = journalDir.resolve("dead-letters.jsonl");
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
