package io.dualwrite.sample.load;

import java.util.Arrays;
import java.util.Random;

/** The ids of one thread's rows that exist, for updates, deletes and selects to pick from at random in O(1). */
final class LiveIds {

    private long[] ids;
    private int size;

    LiveIds(long[] initial) {
        this.ids = Arrays.copyOf(initial, Math.max(16, initial.length));
        this.size = initial.length;
    }

    int size() {
        return size;
    }

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size++] = id;
    }

    long pick(Random random) {
        return ids[random.nextInt(size)];
    }

    /** Removes one id chosen at random, moving the last one into its place, and returns it. */
    long removeAny(Random random) {
        int index = random.nextInt(size);
        long id = ids[index];
        ids[index] = ids[--size];
        return id;
    }
}
