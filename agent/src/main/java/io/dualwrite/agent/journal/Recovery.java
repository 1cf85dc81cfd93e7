package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening a journal: scans every segment, keeps the records up to the first damage, moves everything from
 * the damage on into {@code .damaged} files and cuts the damaged segment after its last whole record, so
 * appends continue right after the records that are kept. A damaged record may have been followed by sound
 * ones, but they cannot be told apart from garbage that happens to look sound, nor be replayed in order
 * without the one missing; so nothing after damage is trusted.
 */
final class Recovery {

    private final OwnerOnlyFiles files;
    private final CheckpointFile checkpointFile;
    private final Quarantine quarantine;
    private final List<Damage> damages = new ArrayList<>();
    private long recordsFound;

    Recovery(OwnerOnlyFiles files, CheckpointFile checkpointFile) {
        this.files = files;
        this.checkpointFile = checkpointFile;
        this.quarantine = new Quarantine(files);
    }

    Recovered run() throws IOException {
        deleteTemporaryFiles();
        long checkpoint = readCheckpoint();
        List<SegmentInfo> kept = scanSegments();
        if (checkpoint < 0) {
            // the checkpoint was lost: everything still on disk is replayed again rather than skipped
            checkpoint = kept.isEmpty() ? 0 : kept.get(0).firstSequence - 1;
            checkpointFile.write(checkpoint);
        } else if (!kept.isEmpty() && kept.get(0).firstSequence > checkpoint + 1) {
            damages.add(new Damage(kept.get(0).path, 0, 0, DamageKind.MISSING_RECORDS, "records " + (checkpoint + 1)
                    + " to " + (kept.get(0).firstSequence - 1) + " are in no segment", null));
        }
        long lastKept = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).lastSequence();
        long next = Math.max(lastKept, checkpoint) + 1;
        boolean continueLast = !kept.isEmpty() && lastKept + 1 == next;
        deleteCheckpointed(kept, checkpoint, continueLast);
        if (!continueLast) {
            // deleted first: a crash in between must not leave a segment that looks like it skipped records
            kept.add(new SegmentInfo(SegmentFiles.create(files, next, true), next));
        }
        Watermark written = new Watermark(next - 1, -1, 0);
        for (int i = kept.size() - 1; i >= 0; i--) {
            SegmentInfo segment = kept.get(i);
            if (segment.hasRecords()) {
                written = new Watermark(segment.lastSequence(), segment.firstSequence, segment.size());
                break;
            }
        }
        RecoveryReport report = new RecoveryReport(files.directory(), recordsFound, kept.size(), next - 1, checkpoint,
                damages);
        return new Recovered(new SegmentCatalog(kept), kept.get(kept.size() - 1), next - 1, checkpoint, written,
                report);
    }

    /** Leftovers of a crash while a segment or the checkpoint was being created; they never counted. */
    private void deleteTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.directory())) {
            for (Path entry : entries) {
                if (SegmentFiles.isTemporary(entry)
                        || entry.getFileName().toString().equals(CheckpointFile.TEMPORARY_NAME)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** The checkpoint, or -1 when its file is damaged (then moved aside). */
    private long readCheckpoint() throws IOException {
        if (Files.exists(checkpointFile.path())) {
            files.restrict(checkpointFile.path());
        }
        try {
            return checkpointFile.read();
        } catch (DamageException e) {
            Path file = checkpointFile.path();
            long size = Files.size(file);
            Path moved = quarantine.moveWhole(file);
            damages.add(new Damage(file, e.offset(), size, e.kind(), e.getMessage()
                    + "; every record on disk is pending again", moved));
            return -1;
        }
    }

    private List<SegmentInfo> scanSegments() throws IOException {
        List<SegmentInfo> kept = new ArrayList<>();
        boolean trusted = true;
        long expected = -1;
        for (Path file : SegmentFiles.list(files.directory())) {
            if (!trusted) {
                setAside(file, DamageKind.AFTER_EARLIER_DAMAGE, "not read");
                continue;
            }
            files.restrict(file);
            SegmentInfo segment = null;
            DamageException damage;
            long size;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                size = channel.size();
                try {
                    long first = SegmentHeader.read(channel, file);
                    checkFirstSequence(file, first, expected);
                    segment = new SegmentInfo(file, first);
                    SegmentReader reader = new SegmentReader(channel, file, SegmentHeader.BYTES, size, first, false);
                    while (reader.next()) {
                        segment.recordAppended(reader.sequence(), reader.recordOffset(), reader.recordBytes());
                        recordsFound++;
                    }
                    damage = reader.damage();
                } catch (DamageException headerDamage) {
                    damage = headerDamage;
                }
            }
            if (segment == null) {
                setAside(file, damage.kind(), damage.getMessage());
                trusted = false;
                continue;
            }
            if (damage != null) {
                Path moved = quarantine.moveTail(file, damage.offset());
                damages.add(new Damage(file, damage.offset(), size - damage.offset(), damage.kind(),
                        damage.getMessage(), moved));
                trusted = false;
            }
            kept.add(segment);
            expected = segment.lastSequence() + 1;
        }
        return kept;
    }

    private static void checkFirstSequence(Path file, long first, long expected) throws DamageException {
        long named = SegmentFiles.firstSequenceOf(file);
        if (first != named) {
            throw new DamageException(DamageKind.SEQUENCE_GAP, 0, "the header says the segment starts at sequence "
                    + first + ", its name says " + named);
        }
        if (expected >= 0 && first != expected) {
            throw new DamageException(DamageKind.SEQUENCE_GAP, 0, "the segment starts at sequence " + first + " where "
                    + expected + " was expected");
        }
    }

    private void setAside(Path file, DamageKind kind, String detail) throws IOException {
        files.restrict(file);
        long size = Files.size(file);
        Path moved = quarantine.moveWhole(file);
        damages.add(new Damage(file, 0, size, kind, detail, moved));
    }

    /** Whole segments at or below the checkpoint: a checkpoint that crashed before deleting them. */
    private void deleteCheckpointed(List<SegmentInfo> kept, long checkpoint, boolean continueLast) throws IOException {
        int keep = continueLast ? 1 : 0;
        boolean deleted = false;
        while (kept.size() > keep && kept.get(0).lastSequence() <= checkpoint) {
            Files.deleteIfExists(kept.remove(0).path);
            deleted = true;
        }
        if (deleted) {
            files.syncDirectory();
        }
    }
}
