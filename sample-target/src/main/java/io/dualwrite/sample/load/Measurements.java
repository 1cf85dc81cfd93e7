package io.dualwrite.sample.load;

import java.util.EnumMap;
import java.util.Map;

/** {@link KindMeasurements} of each kind of operation: one thread's, or the run's once merged. */
final class Measurements {

    private final Map<OperationKind, KindMeasurements> byKind = new EnumMap<>(OperationKind.class);

    Measurements() {
        for (OperationKind kind : OperationKind.values()) {
            byKind.put(kind, new KindMeasurements());
        }
    }

    KindMeasurements of(OperationKind kind) {
        return byKind.get(kind);
    }

    void add(Measurements other) {
        for (OperationKind kind : OperationKind.values()) {
            of(kind).add(other.of(kind));
        }
    }

    /** Every kind together. */
    KindMeasurements overall() {
        KindMeasurements overall = new KindMeasurements();
        for (KindMeasurements kind : byKind.values()) {
            overall.add(kind);
        }
        return overall;
    }
}
