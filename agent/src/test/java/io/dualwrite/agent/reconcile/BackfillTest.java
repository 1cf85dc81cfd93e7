package io.dualwrite.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {

    private final ReconcileFixture fixture = new ReconcileFixture();

    @TempDir
    Path dir;

    private Path checkpoints() {
        return dir.resolve("journal/backfill");
    }

    private Backfill backfill(int chunkSize, BooleanSupplier stopRequested) {
        return new Backfill(fixture.primary, fixture.secondary, checkpoints(), chunkSize, 0, stopRequested);
    }

    private BackfillCounts copy(Backfill backfill, String table, boolean restart, boolean expectComplete)
            throws Exception {
        BackfillCounts counts = new BackfillCounts();
        boolean complete = backfill.copy(fixture.table(table), restart, counts, remaining -> { }, read -> { });
        assertThat(complete).as("complete").isEqualTo(expectComplete);
        return counts;
    }

    /** Stops after this many chunks: asked before each chunk. */
    private static BooleanSupplier stopAfterChunks(int chunks) {
        AtomicInteger asked = new AtomicInteger();
        return () -> asked.getAndIncrement() >= chunks;
    }

    private List<String> secondaryRows(String table) throws Exception {
        return ReconcileFixture.rows(fixture.secondary, "SELECT * FROM " + table + " ORDER BY 1, 2");
    }

    private List<String> primaryRows(String table) throws Exception {
        return ReconcileFixture.rows(fixture.primary, "SELECT * FROM " + table + " ORDER BY 1, 2");
    }

    /** Rows 1..20 on the primary; on the secondary row 5 as on the primary and row 6 newer, and row 30. */
    private void seedItems() throws Exception {
        Seeded.INTEGER_KEY.createEqual(fixture);
        fixture.secondary("DELETE FROM items WHERE id NOT IN (5, 6)",
                "UPDATE items SET label = 'newer on the secondary' WHERE id = 6",
                Seeded.INTEGER_KEY.insert(30));
    }

    @Test
    void copiesOnlyTheMissingRowsAndNeverOverwritesARowAlreadyOnTheSecondary() throws Exception {
        seedItems();

        BackfillCounts counts = copy(backfill(4, () -> false), "items", false, true);

        assertThat(counts.read()).isEqualTo(20);
        assertThat(counts.copied()).isEqualTo(18);
        assertThat(counts.alreadyThere()).isEqualTo(2);
        assertThat(counts.resumedAfter()).isNull();
        assertThat(counts.alreadyDone()).isFalse();
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT label FROM items WHERE id = 6"))
                .containsExactly("newer on the secondary");
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT COUNT(*) FROM items")).containsExactly("21");
        List<String> expected = new ArrayList<>(primaryRows("items"));
        expected.replaceAll(row -> row.startsWith("6|") ? row.replace("label-6", "newer on the secondary") : row);
        expected.add(secondaryRows("items").get(20));
        assertThat(secondaryRows("items")).containsExactlyElementsOf(expected);
        assertThat(secondaryRows("items").get(20)).startsWith("30|");
    }

    @Test
    void toldHowManyRowsAreLeftAndOfEachChunkRead() throws Exception {
        seedItems();
        AtomicLong remaining = new AtomicLong(-1);
        List<Long> chunks = new ArrayList<>();

        backfill(8, () -> false).copy(fixture.table("items"), false, new BackfillCounts(), remaining::set,
                chunks::add);

        assertThat(remaining).hasValue(20);
        assertThat(chunks).containsExactly(8L, 8L, 4L);
    }

    @Test
    void aFinishedTableIsNotCopiedAgainWithoutRestart() throws Exception {
        seedItems();
        copy(backfill(100, () -> false), "items", false, true);
        fixture.secondary("DELETE FROM items WHERE id = 3");

        BackfillCounts again = copy(backfill(100, () -> false), "items", false, true);

        assertThat(again.alreadyDone()).isTrue();
        assertThat(again.read()).isZero();
        assertThat(again.checkpointFile()).isEqualTo(checkpoints().resolve("items.checkpoint").toString());
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT COUNT(*) FROM items WHERE id = 3"))
                .containsExactly("0");
    }

    @Test
    void restartCopiesFromTheStartSkippingTheRowsAlreadyThere() throws Exception {
        seedItems();
        copy(backfill(7, () -> false), "items", false, true);
        fixture.secondary("DELETE FROM items WHERE id IN (3, 17)", "UPDATE items SET label = 'newer' WHERE id = 4");

        BackfillCounts restarted = copy(backfill(7, () -> false), "items", true, true);

        assertThat(restarted.alreadyDone()).isFalse();
        assertThat(restarted.resumedAfter()).isNull();
        assertThat(restarted.readBefore()).isZero();
        assertThat(restarted.read()).isEqualTo(20);
        assertThat(restarted.copied()).isEqualTo(2);
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT label FROM items WHERE id = 4"))
                .containsExactly("newer");
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT COUNT(*) FROM items")).containsExactly("21");
    }

    @Test
    void aStoppedBackfillResumesAfterTheLastKeyCopiedAndCopiesEveryRowExactlyOnce() throws Exception {
        seedItems();

        BackfillCounts first = copy(backfill(3, stopAfterChunks(2)), "items", false, false);

        assertThat(first.read()).isEqualTo(6);
        assertThat(first.copied()).isEqualTo(4);
        assertThat(checkpoints().resolve("items.checkpoint")).exists();
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT COUNT(*) FROM items WHERE id <= 6"))
                .containsExactly("6");
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT COUNT(*) FROM items WHERE id BETWEEN 7 AND 20"))
                .containsExactly("0");

        BackfillCounts second = copy(backfill(3, () -> false), "items", false, true);

        assertThat(second.resumedAfter()).isEqualTo("id=6");
        assertThat(second.readBefore()).isEqualTo(6);
        assertThat(second.read()).as("only the rows after the checkpoint").isEqualTo(14);
        assertThat(second.copied()).isEqualTo(14);
        assertThat(first.copied() + second.copied()).isEqualTo(18);
        assertThat(first.read() + second.read()).isEqualTo(20);
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT COUNT(*) FROM items")).containsExactly("21");
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT label FROM items WHERE id = 6"))
                .containsExactly("newer on the secondary");
    }

    @Test
    void aBackfillStoppedSeveralTimesResumesEachTimeWhereItWas() throws Exception {
        Seeded.COMPOSITE_KEY.createEqual(fixture);
        fixture.secondary("DELETE FROM entries");
        long copied = 0;
        long read = 0;
        List<String> resumedAfter = new ArrayList<>();
        for (int run = 0; run < 10; run++) {
            BackfillCounts counts = new BackfillCounts();
            boolean complete = backfill(2, stopAfterChunks(3)).copy(fixture.table("entries"), false, counts,
                    remaining -> { }, rows -> { });
            copied += counts.copied();
            read += counts.read();
            if (counts.resumedAfter() != null) {
                resumedAfter.add(counts.resumedAfter());
            }
            if (complete) {
                break;
            }
        }

        assertThat(copied).isEqualTo(Seeded.ROWS);
        assertThat(read).isEqualTo(Seeded.ROWS);
        assertThat(resumedAfter).hasSize(3).first().asString().matches("tenant=\\d, code='c-\\d+'");
        assertThat(secondaryRows("entries")).containsExactlyElementsOf(primaryRows("entries"));
    }

    @Test
    void restartAfterAStopCopiesFromTheStart() throws Exception {
        seedItems();
        copy(backfill(3, stopAfterChunks(1)), "items", false, false);

        BackfillCounts restarted = copy(backfill(3, () -> false), "items", true, true);

        assertThat(restarted.resumedAfter()).isNull();
        assertThat(restarted.read()).isEqualTo(20);
        assertThat(restarted.copied()).isEqualTo(15);
    }

    @Test
    void aCheckpointOfAnotherPairOfDatabasesIsRefusedWithAMessageThatSaysRestart() throws Exception {
        seedItems();
        copy(backfill(3, stopAfterChunks(1)), "items", false, false);
        ReconcileFixture other = new ReconcileFixture();
        Seeded.INTEGER_KEY.createEqual(other);
        Backfill otherPair = new Backfill(other.primary, other.secondary, checkpoints(), 3, 0, () -> false);

        assertThatThrownBy(() -> otherPair.copy(other.table("items"), false, new BackfillCounts(), r -> { }, r -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the backfill checkpoint " + checkpoints().resolve("items.checkpoint"))
                .hasMessageContaining("was written for " + fixture.primaryUrl + " -> " + fixture.secondaryUrl)
                .hasMessageContaining("not " + other.primaryUrl + " -> " + other.secondaryUrl)
                .hasMessageContaining("--restart");
    }

    @Test
    void restartReplacesTheCheckpointOfAnotherPairOfDatabases() throws Exception {
        seedItems();
        copy(backfill(3, stopAfterChunks(1)), "items", false, false);
        ReconcileFixture other = new ReconcileFixture();
        Seeded.INTEGER_KEY.createEqual(other);
        other.secondary("DELETE FROM items WHERE id > 15");
        Backfill otherPair = new Backfill(other.primary, other.secondary, checkpoints(), 3, 0, () -> false);

        BackfillCounts counts = new BackfillCounts();
        assertThat(otherPair.copy(other.table("items"), true, counts, r -> { }, r -> { })).isTrue();

        assertThat(counts.read()).isEqualTo(20);
        assertThat(counts.copied()).isEqualTo(5);
    }

    @Test
    void aTruncatedCheckpointIsAClearErrorNamingTheFile() throws Exception {
        seedItems();
        copy(backfill(3, stopAfterChunks(1)), "items", false, false);
        Path file = checkpoints().resolve("items.checkpoint");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 7));

        assertThatThrownBy(() -> copy(backfill(3, () -> false), "items", false, true))
                .isInstanceOf(IOException.class)
                .hasMessage("the backfill checkpoint " + file + " cannot be read (it is 7 bytes long); --restart copies "
                        + "the table from its start (rows already there are skipped)");
    }

    @Test
    void aCheckpointWithAFlippedByteIsAClearErrorNamingTheFile() throws Exception {
        seedItems();
        copy(backfill(3, stopAfterChunks(1)), "items", false, false);
        Path file = checkpoints().resolve("items.checkpoint");
        byte[] bytes = Files.readAllBytes(file);
        for (int at : new int[] {0, 8, bytes.length / 2, bytes.length - 6, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x10;
            Files.write(file, damaged);

            assertThatThrownBy(() -> copy(backfill(3, () -> false), "items", false, true)).as("byte %d", at)
                    .isInstanceOf(IOException.class)
                    .hasMessage("the backfill checkpoint " + file + " cannot be read (its checksum does not match); "
                            + "--restart copies the table from its start (rows already there are skipped)");
        }
    }

    @Test
    void restartCopiesATableWhoseCheckpointIsDamaged() throws Exception {
        seedItems();
        copy(backfill(3, stopAfterChunks(1)), "items", false, false);
        Files.write(checkpoints().resolve("items.checkpoint"), new byte[] {1, 2, 3});

        BackfillCounts counts = copy(backfill(3, () -> false), "items", true, true);

        assertThat(counts.read()).isEqualTo(20);
        assertThat(counts.copied()).isEqualTo(15);
    }

    @Test
    void checkpointsAreReadableByTheirOwnerOnly() throws Exception {
        assertThat(FileSystems.getDefault().supportedFileAttributeViews())
                .as("the file system must have POSIX permissions for owner-only files to be checked").contains("posix");
        seedItems();
        copy(backfill(3, stopAfterChunks(2)), "items", false, false);
        Path file = checkpoints().resolve("items.checkpoint");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoints()))).isEqualTo("rwx------");
        assertThat(checkpoints().resolve("items.checkpoint.tmp")).doesNotExist();

        copy(backfill(3, () -> false), "items", false, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void eachTableHasACheckpointOfItsOwn() throws Exception {
        seedItems();
        Seeded.VARCHAR_KEY.createEqual(fixture);
        fixture.secondary("DELETE FROM tags WHERE code > 'k-10'");

        copy(backfill(3, () -> false), "items", false, true);
        BackfillCounts tags = copy(backfill(3, () -> false), "tags", false, true);

        assertThat(tags.alreadyDone()).isFalse();
        assertThat(tags.copied()).isEqualTo(10);
        assertThat(checkpoints().resolve("items.checkpoint")).exists();
        assertThat(checkpoints().resolve("tags.checkpoint")).exists();
    }

    @Test
    void aVarcharKeyedTableResumesAfterItsLastTextKey() throws Exception {
        Seeded.VARCHAR_KEY.createEqual(fixture);
        fixture.secondary("DELETE FROM tags");

        BackfillCounts first = copy(backfill(4, stopAfterChunks(1)), "tags", false, false);
        BackfillCounts second = copy(backfill(4, () -> false), "tags", false, true);

        assertThat(second.resumedAfter()).isEqualTo("code='k-04'");
        assertThat(first.copied() + second.copied()).isEqualTo(Seeded.ROWS);
        assertThat(secondaryRows("tags")).containsExactlyElementsOf(primaryRows("tags"));
    }
}
