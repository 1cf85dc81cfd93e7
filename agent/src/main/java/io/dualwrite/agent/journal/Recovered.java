package io.dualwrite.agent.journal;

/** What recovery leaves for the journal to go on with. */
final class Recovered {

    final SegmentCatalog catalog;
    final SegmentInfo active;
    final long lastSequence;
    final long checkpoint;
    final Watermark written;
    final RecoveryReport report;

    Recovered(SegmentCatalog catalog, SegmentInfo active, long lastSequence, long checkpoint, Watermark written,
            RecoveryReport report) {
        this.catalog = catalog;
        this.active = active;
        this.lastSequence = lastSequence;
        this.checkpoint = checkpoint;
        this.written = written;
        this.report = report;
    }
}
