package io.dualwrite.sample.load;

import io.dualwrite.sample.Args.UsageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The share of each kind of operation, as {@code --mix insert:50,update:30,delete:10,select:10} gives it: whole
 * weights of 0 or more, relative to their sum; a kind left out weighs 0.
 */
public final class OperationMix {

    static final String DEFAULT = "insert:50,update:30,delete:10,select:10";

    private final Map<OperationKind, Integer> weights;
    private final int total;

    private OperationMix(Map<OperationKind, Integer> weights) {
        this.weights = weights;
        int sum = 0;
        for (int weight : weights.values()) {
            sum += weight;
        }
        this.total = sum;
    }

    public static OperationMix parse(String text) throws UsageException {
        Map<OperationKind, Integer> weights = new EnumMap<>(OperationKind.class);
        long sum = 0;
        for (String part : text.split(",", -1)) {
            String[] kindAndWeight = part.trim().split(":", -1);
            if (kindAndWeight.length != 2) {
                throw new UsageException("--mix needs kind:weight pairs separated by commas (e.g. " + DEFAULT
                        + "), got '" + part.trim() + "'");
            }
            OperationKind kind = OperationKind.byLabel(kindAndWeight[0].trim());
            if (kind == null) {
                throw new UsageException("--mix: unknown kind '" + kindAndWeight[0].trim() + "': one of "
                        + OperationKind.labels());
            }
            if (weights.containsKey(kind)) {
                throw new UsageException("--mix: " + kind.label() + " is given twice");
            }
            int weight = weight(kind, kindAndWeight[1].trim());
            weights.put(kind, weight);
            sum += weight;
        }
        if (sum == 0) {
            throw new UsageException("--mix: the weights add up to 0; at least one must be positive");
        }
        if (sum > Integer.MAX_VALUE) {
            throw new UsageException("--mix: the weights add up to more than " + Integer.MAX_VALUE);
        }
        return new OperationMix(weights);
    }

    private static int weight(OperationKind kind, String text) throws UsageException {
        try {
            int weight = Integer.parseInt(text);
            if (weight >= 0) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative weight
        }
        throw new UsageException("--mix: the weight of " + kind.label() + " needs a whole number of 0 or more, got '"
                + text + "'");
    }

    /** A kind drawn at random with the mix's weights. */
    OperationKind pick(Random random) {
        int draw = random.nextInt(total);
        for (Map.Entry<OperationKind, Integer> entry : weights.entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("a draw below the weights' sum " + total + " picked no kind");
    }

    /** The kinds of weight above 0, in the enum's order. */
    public List<OperationKind> kinds() {
        List<OperationKind> kinds = new ArrayList<>();
        for (Map.Entry<OperationKind, Integer> entry : weights.entrySet()) {
            if (entry.getValue() > 0) {
                kinds.add(entry.getKey());
            }
        }
        return Collections.unmodifiableList(kinds);
    }

    public int weight(OperationKind kind) {
        return weights.getOrDefault(kind, 0);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (OperationKind kind : kinds()) {
            text.append(text.length() == 0 ? "" : ",").append(kind.label()).append(':').append(weight(kind));
        }
        return text.toString();
    }
}
