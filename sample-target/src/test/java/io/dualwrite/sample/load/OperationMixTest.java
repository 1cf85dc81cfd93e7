package io.dualwrite.sample.load;

import io.dualwrite.sample.Args.UsageException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationMixTest {

    @Test
    void theDefaultMixHasEveryKindWithItsWeight() throws UsageException {
        OperationMix mix = OperationMix.parse(OperationMix.DEFAULT);

        assertThat(mix.kinds()).containsExactly(OperationKind.INSERT, OperationKind.UPDATE, OperationKind.DELETE,
                OperationKind.SELECT);
        assertThat(mix.weight(OperationKind.UPDATE)).isEqualTo(30);
        assertThat(mix).hasToString("insert:50,update:30,delete:10,select:10");
    }

    @Test
    void kindsLeftOutOrOfWeightZeroAreNeverPicked() throws UsageException {
        OperationMix mix = OperationMix.parse(" select:0 , insert:3,update:1");
        Map<OperationKind, Integer> picked = new EnumMap<>(OperationKind.class);
        Random random = new Random(1);
        for (int i = 0; i < 4_000; i++) {
            picked.merge(mix.pick(random), 1, Integer::sum);
        }

        assertThat(mix.kinds()).containsExactly(OperationKind.INSERT, OperationKind.UPDATE);
        assertThat(picked).containsOnlyKeys(OperationKind.INSERT, OperationKind.UPDATE);
        // 3 to 1 with a fixed seed: a loose bound, only to show the weights are used
        assertThat(picked.get(OperationKind.INSERT)).isBetween(2_700, 3_300);
    }

    @Test
    void anUnknownKindIsNamed() {
        assertThatThrownBy(() -> OperationMix.parse("insert:1,upsert:2")).isInstanceOf(UsageException.class)
                .hasMessage("--mix: unknown kind 'upsert': one of insert, update, delete, select");
    }

    @Test
    void aNegativeOrFractionalWeightIsNamed() {
        assertThatThrownBy(() -> OperationMix.parse("insert:-1")).isInstanceOf(UsageException.class)
                .hasMessage("--mix: the weight of insert needs a whole number of 0 or more, got '-1'");
        assertThatThrownBy(() -> OperationMix.parse("delete:0.5")).isInstanceOf(UsageException.class)
                .hasMessage("--mix: the weight of delete needs a whole number of 0 or more, got '0.5'");
    }

    @Test
    void weightsAddingUpToZeroAreRejected() {
        assertThatThrownBy(() -> OperationMix.parse("insert:0,select:0")).isInstanceOf(UsageException.class)
                .hasMessage("--mix: the weights add up to 0; at least one must be positive");
    }

    @Test
    void aMalformedPairOrARepeatedKindIsRejected() {
        assertThatThrownBy(() -> OperationMix.parse("insert")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--mix needs kind:weight pairs separated by commas");
        assertThatThrownBy(() -> OperationMix.parse("insert:1,")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--mix needs kind:weight pairs separated by commas");
        assertThatThrownBy(() -> OperationMix.parse("insert:1,insert:2")).isInstanceOf(UsageException.class)
                .hasMessage("--mix: insert is given twice");
    }
}
