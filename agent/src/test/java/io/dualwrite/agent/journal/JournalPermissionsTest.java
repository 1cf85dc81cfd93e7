package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalPermissionsTest {

    private static final JournalOptions OPTIONS = JournalOptions.defaults().withFsync(FsyncMode.NEVER)
            .withSegmentBytes(4096);

    @TempDir
    Path dir;

    @BeforeEach
    void needsAPosixFileSystem() {
        assertThat(FileSystems.getDefault().supportedFileAttributeViews())
                .as("these tests check POSIX permissions and need a POSIX file system (run them on Linux or macOS)")
                .contains("posix");
    }

    @Test
    void aNewJournalIsReadableByItsOwnerOnly() throws IOException {
        Path journalDir = dir.resolve("parent/journal");
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            for (int i = 0; i < 20; i++) {
                journal.append(new byte[1000]);
            }
            journal.checkpoint(2);
        }
        // damage, so that a .damaged file exists too
        Files.write(journalDir.resolve("segment-00000000000000000004.log"), new byte[] {1, 2, 3},
                java.nio.file.StandardOpenOption.APPEND);
        Journal.open(journalDir, OPTIONS).close();

        assertThat(permissions(journalDir)).isEqualTo("rwx------");
        List<Path> files = list(journalDir);
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("checkpoint", "journal.lock", "segment-00000000000000000004.log")
                .anyMatch(name -> name.endsWith(".damaged"));
        for (Path file : files) {
            assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingDirectoryAndFilesWithWiderPermissionsAreTightened() throws IOException {
        Path journalDir = dir.resolve("journal");
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            journal.append(new byte[10]);
        }
        Path segment = journalDir.resolve("segment-00000000000000000001.log");
        Files.setPosixFilePermissions(journalDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));

        Journal.open(journalDir, OPTIONS).close();

        assertThat(permissions(journalDir)).isEqualTo("rwx------");
        assertThat(permissions(segment)).isEqualTo("rw-------");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.collect(Collectors.toList());
        }
    }
}
