package io.dualwrite.sample.load;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveIdsTest {

    @Test
    void everyIdAddedIsRemovedExactlyOnce() {
        LiveIds live = new LiveIds(new long[] {1, 2, 3});
        for (long id = 4; id <= 100; id++) {
            live.add(id);
        }
        Random random = new Random(7);
        Set<Long> removed = new HashSet<>();
        while (live.size() > 0) {
            assertThat(removed.add(live.removeAny(random))).isTrue();
        }

        assertThat(removed).hasSize(100).allMatch(id -> id >= 1 && id <= 100);
    }

    @Test
    void theInitialRowsAreSharedOutWithoutOverlap() {
        InitialRows rows = new InitialRows(3, 10);

        assertThat(rows.idsOf(0)).containsExactly(1, 2, 3, 4);
        assertThat(rows.idsOf(1)).containsExactly(OrdersTable.firstId(1), OrdersTable.firstId(1) + 1,
                OrdersTable.firstId(1) + 2);
        assertThat(rows.countOf(0) + rows.countOf(1) + rows.countOf(2)).isEqualTo(10);
    }
}
