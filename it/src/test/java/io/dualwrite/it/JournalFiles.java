package io.dualwrite.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a run left in its journal directory, read as files: the journal's format is the agent's business. */
final class JournalFiles {

    private JournalFiles() {
    }

    static List<Path> segments(Path journalDir) {
        if (!Files.isDirectory(journalDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every segment's bytes as text (ISO-8859-1, so no byte is lost), for searching. */
    static String text(Path journalDir) {
        StringBuilder text = new StringBuilder();
        for (Path segment : segments(journalDir)) {
            try {
                text.append(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
