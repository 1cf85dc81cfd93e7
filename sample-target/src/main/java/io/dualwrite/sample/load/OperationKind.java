package io.dualwrite.sample.load;

import java.util.Locale;

/** What one operation of the workload does to {@code bench_orders}; its label is the name used in {@code --mix}. */
public enum OperationKind {
    INSERT, UPDATE, DELETE, SELECT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for an unknown label. */
    static OperationKind byLabel(String label) {
        for (OperationKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }

    static String labels() {
        StringBuilder labels = new StringBuilder();
        for (OperationKind kind : values()) {
            labels.append(labels.length() == 0 ? "" : ", ").append(kind.label());
        }
        return labels.toString();
    }

    boolean writes() {
        return this != SELECT;
    }
}
